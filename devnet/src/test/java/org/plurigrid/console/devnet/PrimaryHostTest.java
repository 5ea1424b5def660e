package org.plurigrid.console.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.devnet.SparkplugRecorder.Received;
import org.plurigrid.console.devnet.broker.EmbeddedBroker;

/**
 * Sparkplug 3.0 primary host: a console that connects after the fleet has born publishes its STATE online, and the
 * edge nodes that follow it birth again, so the console never sees data it has no birth for.
 */
class PrimaryHostTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String HOST = "console-under-test";
    private static final Predicate<Received> NBIRTH = r -> r.type().equals("NBIRTH");
    private EmbeddedBroker broker;
    private Devnet devnet;
    private SparkplugRecorder recorder;
    private int nodes;

    @BeforeEach
    void startFleet() throws Exception {
        broker = EmbeddedBroker.start(0);
        recorder = new SparkplugRecorder(broker.uri());
        devnet = Devnet.start(DevnetConfig.defaults().withExternalBroker(broker.uri()).withDevices(60).withoutGrid()
                .withSimTimeOfDay(LocalTime.NOON));
        nodes = devnet.fleet().edgeNodes().size();
        recorder.awaitCount(WAIT, "the first NBIRTHs", NBIRTH, nodes);
    }

    @AfterEach
    void stop() throws Exception {
        devnet.close();
        recorder.close();
        broker.close();
    }

    @Test
    void nodesBirthAgainWhenTheirPrimaryHostComesOnlineAfterThem() throws Exception {
        devnet.followPrimaryHost(HOST);
        Thread.sleep(300); // the nodes' STATE subscriptions

        recorder.publishHostState(HOST, true, System.currentTimeMillis());

        recorder.awaitCount(WAIT, "a second NBIRTH from every node", NBIRTH, 2 * nodes);
        java.util.Map<String, Long> perNode = recorder.matching(NBIRTH).stream().collect(
                java.util.stream.Collectors.groupingBy(r -> r.group() + "/" + r.node(),
                        java.util.stream.Collectors.counting()));
        assertThat(perNode).as("every node once before and once after the host came online").hasSize(nodes)
                .allSatisfy((node, births) -> assertThat(births).as(node).isEqualTo(2L));
    }

    @Test
    void aHostThatWasAlreadyOnlineOrIsOfflineOrAnotherHostTriggersNoBirth() throws Exception {
        long beforeTheFleet = System.currentTimeMillis() - 60_000;
        recorder.publishHostState(HOST, true, beforeTheFleet);
        recorder.publishHostState("some-other-console", true, System.currentTimeMillis());
        devnet.followPrimaryHost(HOST); // receives the retained, older STATE
        recorder.publishHostState(HOST, false, System.currentTimeMillis());

        Thread.sleep(1500);
        assertThat(recorder.matching(NBIRTH)).as("only the first births").hasSize(nodes);
    }
}
