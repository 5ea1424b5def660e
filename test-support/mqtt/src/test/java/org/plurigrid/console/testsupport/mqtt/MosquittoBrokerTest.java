package org.plurigrid.console.testsupport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helper itself against the real binary: listening when started, gone when killed, back on the same port. */
class MosquittoBrokerTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsMosquitto() {
        MosquittoBroker.assumeInstalled();
    }

    @Test
    void restartsOnTheSamePortAfterAKill() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir.resolve("broker"))) {
            assertThat(LoopbackPort.isListening(broker.port())).as("listening once started").isTrue();
            long firstPid = broker.pid();

            broker.kill();
            assertThat(LoopbackPort.isListening(broker.port())).as("gone after SIGKILL").isFalse();

            broker.start();
            assertThat(LoopbackPort.isListening(broker.port())).as("back after restart").isTrue();
            assertThat(broker.pid()).isNotEqualTo(firstPid);
            assertThat(broker.uri()).isEqualTo("tcp://127.0.0.1:" + broker.port());
        }
    }

    @Test
    void closeStopsTheProcess() throws Exception {
        MosquittoBroker broker = MosquittoBroker.start(dir.resolve("closed"));
        ProcessHandle handle = ProcessHandle.of(broker.pid()).orElseThrow();
        broker.close();
        assertThat(handle.isAlive()).isFalse();
        assertThat(LoopbackPort.isListening(broker.port())).isFalse();
    }

    @Test
    void aBrokerWithoutTlsListenersHasNoTlsUri() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir.resolve("plain"))) {
            assertThatThrownBy(broker::mutualTlsUri).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("startWithTls");
        }
    }
}
