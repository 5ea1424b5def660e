package org.plurigrid.console.examples.busiest;

import java.util.List;
import org.plurigrid.console.client.telemetry.TopicDecoder;
import org.plurigrid.console.plugins.spi.ConsolePlugin;
import org.plurigrid.console.plugins.spi.MapOverlay;

/**
 * Sample plugin without a view: reads a vendor's CSV site meters ({@link SiteMeterDecoder}, plugin API 1.1) and shows
 * the registered sites with their last reading on the map ({@link SiteMapOverlay}, 1.3).
 */
public final class SiteMetersPlugin implements ConsolePlugin {

    private final SiteReadings readings = new SiteReadings();

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
        return "Decodes acme/{site}/meter CSV readings into points and shows ACME's sites on the map.";
    }

    @Override
    public boolean hasView() {
        return false;
    }

    @Override
    public List<TopicDecoder> decoders() {
        return List.of(new SiteMeterDecoder(readings));
    }

    @Override
    public List<MapOverlay> mapOverlays() {
        return List.of(new SiteMapOverlay(SiteRegister.bundled(), readings));
    }
}
