package org.plurigrid.console.client.grid;

import com.powsybl.iidm.network.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console's MATPOWER import, solved with {@link PowerFlowRunner.Settings#MATPOWER}, against MATPOWER's own
 * {@code runpf} answers (test resources {@code matpower/references}, made by
 * {@code client/src/test/matpower/make-references.m}): within 0.0005 pu and 0.01° at every bus.
 * The cases shipped in {@code matpower/cases} run in every build; every other case of MATPOWER's {@code data/}
 * folder runs when {@code -Dmatpower.data=/path/to/matpower/data} is given (see the README next to the script).
 */
class MatpowerFidelityTest {

    static final double VM_TOLERANCE_PU = 0.0005;
    static final double VA_TOLERANCE_DEG = 0.01;

    /** Cases shipped as test resources (licence allows redistribution: CC BY 4.0, see matpower/cases/NOTICE.md). */
    static final List<String> SHIPPED = List.of(
            "case59", "case60nordic", "case89pegase", "case_ACTIVSg200", "case_ACTIVSg500", "case1197",
            "case1354pegase", "case1888rte", "case_ACTIVSg2000", "case2869pegase");

    /** Shipped too, but compared only with {@code -Dmatpower.large=true}: each takes 10-40 s on a busy 2-core machine. */
    static final List<String> SHIPPED_LARGE = List.of("case6515rte", "case9241pegase", "case_ACTIVSg10k");

    /**
     * Cases of MATPOWER's data/ folder the console does not read as they are, with the reason (none may be silent).
     * The MATLAB-program cases compute their tables (unit conversions with idx_bus etc.); saved as plain data with
     * MATPOWER's savecase (make-references.m with plain_dir) they match like the others.
     */
    static final Map<String, String> EXCEPTIONS = exceptions();

    private static Map<String, String> exceptions() {
        Map<String, String> m = new java.util.TreeMap<>();
        m.put("case16am", "MATPOWER's own runpf does not solve it (no reference answer)");
        for (String program : List.of("case10ba", "case118zh", "case12da", "case136ma", "case141", "case15da",
                "case15nbr", "case16ci", "case18nbr", "case22", "case28da", "case33bw", "case33mg", "case34sa",
                "case38si", "case51ga", "case51he", "case69", "case70da", "case74ds", "case85", "case94pi")) {
            m.put(program, "a MATLAB program (converts its units with code): refused; its savecase copy matches");
        }
        m.put("case8387pegase", "holds MATLAB code (an if block on a variable 'fixed'): refused; its savecase copy matches");
        m.put("case533mt_hi", "writes expressions (135/sqrt(3)) in mpc.bus: refused (Octave's savecase fails on it too)");
        m.put("case533mt_lo", "writes expressions (135/sqrt(3)) in mpc.bus: refused (Octave's savecase fails on it too)");
        return java.util.Collections.unmodifiableMap(m);
    }

    static Stream<String> shipped() {
        return SHIPPED.stream();
    }

    static Stream<String> shippedLarge() {
        return SHIPPED_LARGE.stream();
    }

    @ParameterizedTest
    @MethodSource("shippedLarge")
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "matpower.large", matches = "true")
    void shippedLargeCaseMatchesMatpower(String name) throws Exception {
        shippedCaseMatchesMatpower(name);
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void shippedCaseMatchesMatpower(String name) throws Exception {
        try (InputStream gz = resource("/matpower/cases/" + name + ".m.gz")) {
            MatpowerReference.Difference d = solveAndCompare(name, new InputStreamReader(new GZIPInputStream(gz), StandardCharsets.UTF_8));
            assertThat(d.within(VM_TOLERANCE_PU, VA_TOLERANCE_DEG)).as(name + ": " + d).isTrue();
        }
    }

    /** Opt-in: every case of a MATPOWER data/ folder that has a reference answer. Prints the table. */
    @Test
    void everyCaseOfMatpowerDataFolder() throws Exception {
        String dir = System.getProperty("matpower.data");
        assumeTrue(dir != null && !dir.isBlank(), "set -Dmatpower.data=/path/to/matpower/data to compare every case");
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder("| case | buses | console vs MATPOWER runpf (max over buses) |\n| --- | --- | --- |\n");
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("case.*\\.m")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.m$", "");
                if (getClass().getResource("/matpower/references/" + name + ".csv.gz") == null) {
                    table.append("| ").append(name).append(" | | no reference: ").append(EXCEPTIONS.getOrDefault(name, "?")).append(" |\n");
                    if (!EXCEPTIONS.containsKey(name)) {
                        failures.add(name + ": no reference answer and not listed as an exception");
                    }
                    continue;
                }
                String outcome;
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    MatpowerReference.Difference d = solveAndCompare(name, in);
                    outcome = d.toString();
                    boolean ok = d.within(VM_TOLERANCE_PU, VA_TOLERANCE_DEG);
                    if (!ok && !EXCEPTIONS.containsKey(name)) {
                        failures.add(name + ": " + d);
                    }
                    table.append("| ").append(name).append(" | ").append(d.compared()).append(" | ")
                            .append(ok ? "within" : "OUTSIDE").append(": ").append(outcome).append(" |\n");
                } catch (GridImportException | RuntimeException | AssertionError e) {
                    if (!EXCEPTIONS.containsKey(name)) {
                        failures.add(name + ": " + e);
                    }
                    table.append("| ").append(name).append(" | | ERROR ").append(e.getMessage()).append(" |\n");
                }
            }
        }
        System.out.println(table);
        assertThat(failures).isEmpty();
    }

    private MatpowerReference.Difference solveAndCompare(String name, Reader caseText) throws Exception {
        long t0 = System.nanoTime();
        Network n = new MatpowerReader().read(Path.of(name + ".m"), caseText);
        long t1 = System.nanoTime();
        PowerFlowResult flow = new PowerFlowRunner().run(n, PowerFlowRunner.Settings.MATPOWER);
        System.out.printf("%s: import %d ms, solve %d ms (%d iterations)%n", name, (t1 - t0) / 1_000_000,
                flow.elapsed().toMillis(), flow.iterations());
        assertThat(flow.mode()).as(name + ": " + flow.message()).isEqualTo(PowerFlowResult.Mode.AC);
        MatpowerReference ref;
        try (InputStream refIn = resource("/matpower/references/" + name + ".csv.gz")) {
            ref = MatpowerReference.read(name, refIn);
        }
        return ref.compare(n);
    }

    private InputStream resource(String path) throws IOException {
        return Objects.requireNonNull(getClass().getResourceAsStream(path), path);
    }
}
