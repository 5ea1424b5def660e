package org.plurigrid.console.testsupport.mqtt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** CI must not silently skip the real-broker tests; a developer machine without Mosquitto may. */
class MosquittoRequirementTest {

    private static final Path MISSING = Path.of("/nonexistent/mosquitto");

    @Test
    void missingMosquittoFailsWhenCiRequiresIt() {
        assertThatThrownBy(() -> MosquittoBroker.assumeInstalled(MISSING, "true"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("apt-get install -y mosquitto");
    }

    @Test
    void missingMosquittoSkipsWithAnInstallHintOtherwise() {
        assertThatThrownBy(() -> MosquittoBroker.assumeInstalled(MISSING, null))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("apt-get install -y mosquitto");
    }
}
