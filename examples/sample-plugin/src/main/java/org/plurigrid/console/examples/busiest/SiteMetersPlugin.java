package org.plurigrid.console.examples.busiest;

import java.util.List;
import org.plurigrid.console.client.telemetry.TopicDecoder;
import org.plurigrid.console.plugins.spi.ConsolePlugin;

/** Sample decoder-only plugin (plugin API 1.1): reads a vendor's CSV site meters, see {@link SiteMeterDecoder}. */
public final class SiteMetersPlugin implements ConsolePlugin {

    @Override
    public String id() {
        return "acme-site-meters";
    }

    @Override
    public String title() {
        return "ACME site meters";
    }

    @Override
    public String description() {
        return "Decodes acme/{site}/meter CSV readings into points.";
    }

    @Override
    public boolean hasView() {
        return false;
    }

    @Override
    public List<TopicDecoder> decoders() {
        return List.of(new SiteMeterDecoder());
    }
}
