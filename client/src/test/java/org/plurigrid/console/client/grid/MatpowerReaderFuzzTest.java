package org.plurigrid.console.client.grid;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.powsybl.iidm.network.Network;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the MATPOWER reader (issue 13): any text either becomes a network or is refused with
 * a {@link GridImportException}; nothing else may escape (no NullPointerException, no IIDM stack trace, no hang).
 * A network that is read is then solved with both settings, as {@code grid solve} does: the power flow gives a
 * result whatever the values (a solver that throws is a finding too).
 * In every build the inputs under {@code MatpowerReaderFuzzTestInputs/readsAnyTextOrRefusesIt} run as regression
 * tests (seeds and past findings). To fuzz: {@code JAZZER_FUZZ=1 ./mvnw -B -pl client -am test
 * -Dtest=MatpowerReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}; new findings land in that folder.
 */
class MatpowerReaderFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void readsAnyTextOrRefusesIt(byte[] data) throws IOException {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            Network network = new MatpowerReader().read(Path.of("fuzz.m"), new StringReader(text));
            for (PowerFlowRunner.Settings settings : PowerFlowRunner.Settings.values()) {
                if (new PowerFlowRunner().run(network, settings) == null) {
                    throw new AssertionError("no power-flow result");
                }
            }
        } catch (GridImportException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("refusal without a message", expected);
            }
        }
    }
}
