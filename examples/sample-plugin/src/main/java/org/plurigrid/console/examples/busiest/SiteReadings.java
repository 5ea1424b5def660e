package org.plurigrid.console.examples.busiest;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Each site's last meter reading as the decoder saw it (kW, when received); shared by the decoder and the map. */
final class SiteReadings {

    record Reading(double kw, Instant received) {
    }

    /** At most this many sites are remembered, so a flood of made-up site names cannot grow it without bound. */
    static final int MAX_SITES = 10_000;

    private final Map<String, Reading> last = new ConcurrentHashMap<>();

    void put(String site, double kw, Instant received) {
        if (last.size() < MAX_SITES || last.containsKey(site)) {
            last.put(site, new Reading(kw, received));
        }
    }

    Optional<Reading> last(String site) {
        return Optional.ofNullable(last.get(site));
    }
}
