package org.plurigrid.console.views.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.views.common.Points.power;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.testsupport.fx.FxThreadExtension;

@ExtendWith(FxThreadExtension.class)
class FramePumpTest {

    @Test
    void drainsTheFeedOncePerFrameAndHandsTheSameChangeSetToEveryListener() {
        FakeTelemetryFeed feed = new FakeTelemetryFeed().push(power("pv-0001", 3.0), power("pv-0002", 4.0));
        FramePump pump = new FramePump(feed);
        List<ChangeSet> first = new ArrayList<>();
        List<ChangeSet> second = new ArrayList<>();
        pump.addListener(first::add);
        pump.addListener(second::add);

        pump.pumpOnce();

        assertThat(feed.drains()).isEqualTo(1);
        assertThat(first).hasSize(1);
        assertThat(second).containsExactlyElementsOf(first);
        assertThat(first.getFirst().changed()).hasSize(2);
    }

    @Test
    void coalescedBurstArrivesAsOneChangePerPoint() {
        FakeTelemetryFeed feed = new FakeTelemetryFeed();
        for (int i = 0; i < 1000; i++) {
            feed.push(power("pv-0001", i));
        }
        FramePump pump = new FramePump(feed);
        List<ChangeSet> seen = new ArrayList<>();
        pump.addListener(seen::add);

        pump.pumpOnce();

        assertThat(seen.getFirst().changed()).singleElement().satisfies(m -> assertThat(m.value()).isEqualTo(999.0));
    }

    @Test
    void keepsCallingOtherListenersWhenOneFails() {
        FramePump pump = new FramePump(new FakeTelemetryFeed());
        List<ChangeSet> seen = new ArrayList<>();
        pump.addListener(cs -> {
            throw new IllegalStateException("broken view-model");
        });
        pump.addListener(seen::add);

        pump.pumpOnce();
        pump.pumpOnce();

        assertThat(seen).hasSize(2);
        assertThat(pump.frames()).isEqualTo(2);
    }

    @Test
    void refusesToPumpOffTheFxThread() throws Exception {
        FramePump pump = new FramePump(new FakeTelemetryFeed());
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                pump.pumpOnce();
                failure.complete(null);
            } catch (Throwable e) {
                failure.complete(e);
            }
        });
        t.start();
        t.join(5000);

        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("JavaFX application thread");
    }

    @Test
    void timerPumpsOnItsOwnOnceStarted() throws Exception {
        FakeTelemetryFeed feed = new FakeTelemetryFeed();
        FramePump pump = new FramePump(feed);
        pump.start();
        assertThat(pump.isRunning()).isTrue();
        pump.stop();
        assertThat(pump.isRunning()).isFalse();
    }
}
