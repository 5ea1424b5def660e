package org.plurigrid.console.devnet.fleet;

import java.time.LocalTime;

/**
 * How big and how fast the simulated fleet is.
 *
 * @param devices        number of DER devices, spread over the six community grids (at least 6)
 * @param publishRateHz  simulation steps per second; every step publishes the metrics that changed
 * @param seed           seed of all randomness: the same seed gives the same fleet and the same physics
 * @param simTimeOfDay   local solar time at which the simulated clock starts, or null to follow the real clock
 */
public record FleetConfig(int devices, double publishRateHz, long seed, LocalTime simTimeOfDay) {

    public static final int DEFAULT_DEVICES = 360;
    public static final double DEFAULT_PUBLISH_RATE_HZ = 1.0;
    public static final long DEFAULT_SEED = 42;

    public FleetConfig {
        if (devices < CommunityGrid.DEVNET_GRIDS.size()) {
            throw new IllegalArgumentException("The fleet needs at least " + CommunityGrid.DEVNET_GRIDS.size()
                    + " devices (one per community grid), was " + devices);
        }
        if (!(publishRateHz > 0) || publishRateHz > 100) {
            throw new IllegalArgumentException("Publish rate must be in (0, 100] per second, was " + publishRateHz);
        }
    }

    public static FleetConfig defaults() {
        return new FleetConfig(DEFAULT_DEVICES, DEFAULT_PUBLISH_RATE_HZ, DEFAULT_SEED, null);
    }
}
