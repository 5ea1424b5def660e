package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.client.telemetry.SparkplugPayloads.payload;

import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes 400,000 aliased DDATA messages of 5,000 devices through decoder and point store on one thread, with a
 * listener attached and a frame-like drain every 40,000 messages (every point changes many times per drain). Asserts correctness only; the rate is logged
 * (timings are for bench/, not for assertions).
 */
class DecodeThroughputTest {

    private static final Logger log = LoggerFactory.getLogger(DecodeThroughputTest.class);
    private static final int NODES = 50;
    private static final int DEVICES = 100;
    private static final int MESSAGES = 400_000;

    @Test
    void decodesHundredsOfThousandsOfMessagesWithoutErrorsAndCoalescesThemPerPoint() {
        MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
        PointStore store = new PointStore();
        DecodeErrors errors = new DecodeErrors(clock);
        SparkplugDecoder decoder = new SparkplugDecoder(store, errors, clock, (t, p) -> { });
        LongAdder heard = new LongAdder();
        store.addListener(m -> heard.increment());

        String[][] topics = new String[NODES][256];
        byte[][][] payloads = new byte[NODES][256][];
        for (int n = 0; n < NODES; n++) {
            String node = "sub-" + n;
            String base = "spBv1.0/cg-test/";
            decoder.onMessage(base + "NBIRTH/" + node, payload().seq(0).bdSeq(0).bytes());
            for (int d = 0; d < DEVICES; d++) {
                decoder.onMessage(base + "DBIRTH/" + node + "/pv-" + d, payload().seq(d + 1)
                        .birthMetric("ActivePower", 1, 0, "kW").birthMetric("Irradiance", 2, 0, "W/m²").bytes());
            }
            for (int seq = 0; seq < 256; seq++) {
                int d = seq % DEVICES;
                topics[n][seq] = base + "DDATA/" + node + "/pv-" + d;
                payloads[n][seq] = payload().seq(seq).aliased(1, seq).aliased(2, 500 + seq).withoutDataTypes()
                        .bytes();
            }
        }
        store.drainChanges();
        heard.reset();

        int[] nextSeq = new int[NODES];
        java.util.Arrays.fill(nextSeq, (DEVICES + 1) & 0xFF);
        int drained = 0;
        long start = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            int n = i % NODES;
            int seq = nextSeq[n];
            nextSeq[n] = (seq + 1) & 0xFF;
            decoder.onMessage(topics[n][seq], payloads[n][seq]);
            if (i % 40_000 == 39_999) {
                drained += store.drainChanges().size();
            }
        }
        long nanos = System.nanoTime() - start;
        drained += store.drainChanges().size();

        double perSecond = MESSAGES / (nanos / 1e9);
        log.info("Decoded {} Sparkplug messages ({} metrics) in {} ms: {} msg/s on one thread; {} coalesced updates",
                MESSAGES, 2L * MESSAGES, nanos / 1_000_000, Math.round(perSecond), drained);
        assertThat(errors.snapshot()).isEmpty();
        assertThat(heard.sum()).as("listeners see every metric").isEqualTo(2L * MESSAGES);
        assertThat(store.size()).isEqualTo(NODES * DEVICES * 2);
        assertThat(drained).as("coalesced: far fewer screen updates than metrics").isLessThanOrEqualTo(MESSAGES / 40_000 * NODES * DEVICES * 2 + NODES * DEVICES * 2);
    }
}
