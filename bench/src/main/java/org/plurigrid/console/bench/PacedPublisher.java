package org.plurigrid.console.bench;

import java.util.concurrent.locks.LockSupport;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One MQTT 3.1.1 publisher at QoS 0 replaying a {@link SparkplugStream} at a fixed rate. The data cursor carries on
 * across calls so that consecutive phases never show the subscriber a seq gap.
 */
final class PacedPublisher implements AutoCloseable {

    private final MqttAsyncClient client;
    private final SparkplugStream stream;
    private final long base;
    private int cursor;

    PacedPublisher(String uri, SparkplugStream stream, String clientId) throws MqttException {
        this(uri, stream, clientId, System.nanoTime());
    }

    /**
     * @param baseNanos the {@link System#nanoTime()} the stamped clock metric counts from (ms), so a subscriber that
     *                  shares it can compute publish-to-model latency
     */
    PacedPublisher(String uri, SparkplugStream stream, String clientId, long baseNanos) throws MqttException {
        this.stream = stream;
        this.base = baseNanos;
        client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMaxInflight(65_535);
        client.connect(o).waitForCompletion(10_000);
    }

    /** Publishes every birth; births restart each node's seq, so the data cursor restarts too. */
    long births() throws MqttException, InterruptedException {
        for (SparkplugStream.Message m : stream.births) {
            send(m.topic(), m.payload());
        }
        cursor = 0;
        return stream.births.size();
    }

    /** Publishes {@code count} data messages as fast as Paho takes them; returns the count. */
    long blast(int count) throws MqttException, InterruptedException {
        for (int i = 0; i < count; i++) {
            next();
        }
        return count;
    }

    /** Publishes at {@code perSecond} until {@code endNanos} ({@link System#nanoTime()}); returns the count sent. */
    long paced(int perSecond, long endNanos) throws MqttException, InterruptedException {
        long start = System.nanoTime();
        long sent = 0;
        long now;
        while ((now = System.nanoTime()) < endNanos) {
            long due = (now - start) * perSecond / 1_000_000_000L;
            // behind the pace (the machine cannot keep up): catch up only until the end, never past it
            while (sent < due && (sent & 255) != 255 || sent < due && System.nanoTime() < endNanos) {
                next();
                sent++;
            }
            LockSupport.parkNanos(200_000);
        }
        return sent;
    }

    private void next() throws MqttException, InterruptedException {
        SparkplugStream.Message m = stream.data.get(cursor);
        cursor = (cursor + 1) % stream.data.size();
        send(m.topic(), m.stamped((System.nanoTime() - base) / 1e6));
    }

    private void send(String topic, byte[] payload) throws MqttException, InterruptedException {
        while (true) {
            try {
                client.publish(topic, payload, 0, false);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                Thread.sleep(0, 100_000); // Paho's queue is full: let it write
            }
        }
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
