package org.plurigrid.console.examples.busiest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.client.telemetry.TopicDecoder;
import org.plurigrid.console.client.telemetry.TopicFilter;

/**
 * Sample decoder for a vendor's site meters that publish one CSV line per reading on {@code acme/{site}/meter}:
 * {@code epochMillis,activePowerKw}, e.g. {@code 1764750000000,12.5}. Each line becomes the point
 * {@code acme/{site}/Meter/ActivePower} in kW.
 */
public final class SiteMeterDecoder implements TopicDecoder {

    static final int MAX_LINE = 200;

    private final SiteReadings readings;

    /** A decoder that also keeps each site's last reading for the map. */
    SiteMeterDecoder(SiteReadings readings) {
        this.readings = readings;
    }

    public SiteMeterDecoder() {
        this(new SiteReadings());
    }

    /** The point a site's meter becomes. */
    static PointId point(String site) {
        return PointId.nodeMetric("acme", site, "Meter/ActivePower");
    }

    @Override
    public String name() {
        return "site-meters";
    }

    @Override
    public TopicFilter filter() {
        return TopicFilter.parse("acme/+/meter");
    }

    @Override
    public Decoded decode(String topic, byte[] payload, Instant received) {
        if (payload.length > MAX_LINE) {
            return new Decoded.Malformed("a line of " + payload.length + " bytes (at most " + MAX_LINE + ")");
        }
        String line = new String(payload, StandardCharsets.UTF_8).strip();
        String[] fields = line.split(",", -1);
        if (fields.length != 2) {
            return new Decoded.Malformed("expected 'epochMillis,kW', got '" + line + "'");
        }
        long millis;
        double kw;
        try {
            millis = Long.parseLong(fields[0].strip());
            kw = Double.parseDouble(fields[1].strip());
        } catch (NumberFormatException e) {
            return new Decoded.Malformed("not numbers: '" + line + "'");
        }
        if (!Double.isFinite(kw) || millis <= 0) {
            return new Decoded.Malformed("out of range: '" + line + "'");
        }
        String site = topic.split("/", -1)[1];
        PointId id = point(site);
        readings.put(site, kw, received);
        return new Decoded.Points(List.of(new Measurement(id, kw, Instant.ofEpochMilli(millis), Quality.GOOD, "kW")));
    }
}
