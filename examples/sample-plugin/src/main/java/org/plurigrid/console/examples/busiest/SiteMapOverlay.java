package org.plurigrid.console.examples.busiest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.plurigrid.console.client.assets.AssetRef;
import org.plurigrid.console.client.assets.MapMark;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.plugins.spi.MapOverlay;

/**
 * Sample map overlay (plugin API 1.3): ACME's registered sites with their last meter reading. A site above its contract
 * limit is in alarm, above 90 % of it needs attention, without a reading for a minute is stale. Each mark stands for
 * the site's meter point, so actions on points (the "Busiest Points" plugin's, say) apply to it on the map.
 */
final class SiteMapOverlay implements MapOverlay {

    static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private final SiteRegister register;
    private final SiteReadings readings;

    SiteMapOverlay(SiteRegister register, SiteReadings readings) {
        this.register = register;
        this.readings = readings;
    }

    @Override
    public String id() {
        return "sites";
    }

    @Override
    public String title() {
        return "ACME sites";
    }

    @Override
    public Duration refresh() {
        return Duration.ofSeconds(2);
    }

    @Override
    public List<MapMark> marks(Instant now) {
        List<MapMark> marks = new ArrayList<>();
        for (SiteRegister.Site s : register.sites()) {
            Optional<SiteReadings.Reading> r = readings.last(s.id());
            MapMark.Status status;
            String label;
            if (r.isEmpty()) {
                status = MapMark.Status.STALE;
                label = s.name() + ": no reading yet";
            } else {
                double kw = r.get().kw();
                status = now.isAfter(r.get().received().plus(STALE_AFTER)) ? MapMark.Status.STALE
                        : kw > s.limitKw() ? MapMark.Status.ALARM
                        : kw > 0.9 * s.limitKw() ? MapMark.Status.ATTENTION
                        : MapMark.Status.NORMAL;
                label = String.format(Locale.ROOT, "%s: %.1f kW", s.name(), kw);
            }
            marks.add(new MapMark(s.id(), s.lat(), s.lon(), label, status,
                    Optional.of(AssetRef.point(SiteMeterDecoder.point(s.id())))));
        }
        return marks;
    }
}
