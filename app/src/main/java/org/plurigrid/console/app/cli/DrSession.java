package org.plurigrid.console.app.cli;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.dr.DemandResponseService;
import org.plurigrid.console.client.dr.DrChainClient;
import org.plurigrid.console.client.dr.DrDeviceTracker;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.TelemetryClient;
import org.plurigrid.console.client.threads.NamedThreads;

/** What a {@code dr} command talks to: the chain (the program contract) and, when it needs devices, the broker. */
final class DrSession implements AutoCloseable {

    final ChainClient chain;
    final DrChainClient contract;
    final ScheduledExecutorService scheduler;
    final DrDeviceTracker tracker;
    final TelemetryClient mqtt;
    final DemandResponseService service;

    private DrSession(ChainClient chain, String contract, String broker) {
        this.chain = chain;
        this.contract = new DrChainClient(chain, contract);
        this.scheduler = Executors.newScheduledThreadPool(2, NamedThreads.numberedDaemons("dr-cli"));
        DrDeviceTracker[] holder = new DrDeviceTracker[1];
        if (broker != null) {
            this.mqtt = new TelemetryClient(BrokerConfig.builder("dr", broker).clientId("plurigrid-dr-" + ProcessHandle.current().pid())
                    .build(), scheduler, pub -> holder[0] = new DrDeviceTracker(InstantSource.system(), pub));
            this.mqtt.start();
        } else {
            this.mqtt = null;
            holder[0] = new DrDeviceTracker(InstantSource.system(), (t, p) -> { });
        }
        this.tracker = holder[0];
        this.service = new DemandResponseService(this.contract, tracker, InstantSource.system(), scheduler,
                DemandResponseService.AckPolicy.defaults());
    }

    static DrSession open(NodeOptions node, String prefix, String contract, String broker) {
        if (contract == null || contract.isBlank()) {
            throw new CliException("--contract ADDRESS is required: the DR program's contract (the devnet prints it at start)");
        }
        return new DrSession(node.client(prefix), contract, broker);
    }

    /** Waits until the target's devices were born (the tracker asks late nodes to birth again), at most {@code max}. */
    void awaitDevices(String target, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            int n = tracker.devicesIn(target).size();
            if (n > 0 && n == last) {
                return;
            }
            last = n;
            Thread.sleep(500);
        }
    }

    @Override
    public void close() {
        if (mqtt != null) {
            mqtt.close();
        }
        scheduler.shutdownNow();
        chain.close();
    }
}
