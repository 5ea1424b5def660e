package org.plurigrid.console.devnet.fleet;

import java.util.SplittableRandom;

/**
 * An Ornstein–Uhlenbeck process: noise that drifts back to its mean with a time constant. Stepped with its exact
 * discretisation, so uneven tick lengths give the same statistics.
 */
final class MeanReverting {

    private final double mean;
    private final double sigma;
    private final double tauSeconds;
    private double value;

    MeanReverting(double mean, double sigma, double tauSeconds, double initial) {
        if (!(tauSeconds > 0) || !(sigma >= 0)) {
            throw new IllegalArgumentException("tau must be > 0 and sigma >= 0");
        }
        this.mean = mean;
        this.sigma = sigma;
        this.tauSeconds = tauSeconds;
        this.value = initial;
    }

    /** Starts at a draw from the stationary distribution. */
    static MeanReverting stationary(double mean, double sigma, double tauSeconds, SplittableRandom random) {
        return new MeanReverting(mean, sigma, tauSeconds, mean + sigma * gaussian(random));
    }

    double advance(double dtSeconds, SplittableRandom random) {
        if (dtSeconds > 0) {
            double decay = Math.exp(-dtSeconds / tauSeconds);
            value = mean + (value - mean) * decay + sigma * Math.sqrt(1 - decay * decay) * gaussian(random);
        }
        return value;
    }

    double value() {
        return value;
    }

    /** A standard normal draw (Box–Muller); SplittableRandom has no nextGaussian on Java 21's API level. */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: log is finite
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
