package org.plurigrid.console.client.telemetry;

/** Turns a growing counter into a per-second rate, sampled about once a second by the service's ticker. */
final class RateMeter {

    private long lastCount = -1;
    private long lastMillis;
    private volatile double perSecond;

    synchronized void sample(long count, long nowMillis) {
        if (lastCount >= 0 && nowMillis > lastMillis) {
            perSecond = (count - lastCount) * 1000.0 / (nowMillis - lastMillis);
        }
        lastCount = count;
        lastMillis = nowMillis;
    }

    double perSecond() {
        return perSecond;
    }
}
