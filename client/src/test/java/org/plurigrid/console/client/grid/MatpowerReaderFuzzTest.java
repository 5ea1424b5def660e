package org.plurigrid.console.client.grid;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the MATPOWER reader (issue 13): any text either becomes a network or is refused with
 * a {@link GridImportException}; nothing else may escape (no NullPointerException, no IIDM stack trace, no hang).
 * In every build the inputs under {@code MatpowerReaderFuzzTestInputs/readsAnyTextOrRefusesIt} run as regression
 * tests (seeds and past findings). To fuzz: {@code JAZZER_FUZZ=1 ./mvnw -B -pl client -am test
 * -Dtest=MatpowerReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}; new findings land in that folder.
 */
class MatpowerReaderFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void readsAnyTextOrRefusesIt(byte[] data) throws IOException {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            new MatpowerReader().read(Path.of("fuzz.m"), new StringReader(text));
        } catch (GridImportException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("refusal without a message", expected);
            }
        }
    }
}
