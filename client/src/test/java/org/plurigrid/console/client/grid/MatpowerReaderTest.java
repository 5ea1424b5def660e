package org.plurigrid.console.client.grid;

import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.TwoWindingsTransformer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The MATPOWER reader's mapping and its refusals: each bad value named with file and line (issue 13 item 4). */
class MatpowerReaderTest {

    @TempDir
    Path dir;

    private static final String HEAD = "function mpc = t\nmpc.version = '2';\nmpc.baseMVA = 100;\n";
    private static final String BUS = """
            mpc.bus = [
            \t1\t3\t0\t0\t0\t0\t1\t1.02\t0\t110\t1\t1.1\t0.9;
            \t2\t1\t60\t20\t5\t10\t1\t1\t0\t110\t1\t1.1\t0.9;
            \t3\t2\t30\t10\t0\t0\t1\t1\t0\t20\t1\t1.1\t0.9;
            ];
            """;
    private static final String GEN = """
            mpc.gen = [
            \t1\t50\t0\tInf\t-Inf\t1.02\t100\t1\tInf\t0;
            \t3\t40\t0\t50\t-50\t1.01\t100\t1\t80\t0;
            ];
            """;
    private static final String BRANCH = """
            mpc.branch = [
            \t1\t2\t0.01\t0.05\t0.02\t100\t100\t100\t0\t0\t1\t-360\t360;
            \t2\t3\t0.005\t0.08\t0\t60\t60\t60\t1.05\t-3\t1\t-360\t360;
            ];
            """;

    private Network read(String text) throws Exception {
        return new MatpowerReader().read(Path.of("t.m"), new StringReader(text));
    }

    private void refused(String text, String... parts) {
        assertThatThrownBy(() -> read(text)).isInstanceOf(GridImportException.class)
                .hasMessageStartingWith("t.m").hasMessageContainingAll(parts);
    }

    @Test
    void mapsShuntConductancePhaseShiftInfinityAndRatingsAtBothEnds() throws Exception {
        Network n = read(HEAD + BUS + GEN + BRANCH);

        var shunt = n.getShuntCompensator("SH2");
        assertThat(shunt.getG()).isCloseTo(5 / (110.0 * 110), within(1e-12));
        assertThat(shunt.getB()).isCloseTo(10 / (110.0 * 110), within(1e-12));
        TwoWindingsTransformer t = n.getTwoWindingsTransformer("T2-3-1");
        assertThat(t.getPhaseTapChanger().getCurrentStep().getAlpha()).isEqualTo(3.0);
        assertThat(t.getRatedU1() / t.getRatedU2()).isCloseTo(1.05 * 110 / 20, within(1e-9));
        assertThat(t.getCurrentLimits1().orElseThrow().getPermanentLimit()).isCloseTo(60e3 / (Math.sqrt(3) * 110), within(1e-6));
        assertThat(t.getCurrentLimits2().orElseThrow().getPermanentLimit()).isCloseTo(60e3 / (Math.sqrt(3) * 20), within(1e-6));
        assertThat(n.getGenerator("G1-1").getReactiveLimits().getMaxQ(0)).isEqualTo(Double.MAX_VALUE);
        assertThat(new PowerFlowRunner().run(n, PowerFlowRunner.Settings.MATPOWER).mode()).isEqualTo(PowerFlowResult.Mode.AC);
    }

    @Test
    void refusesNotANumberWithFileAndLine() {
        refused(HEAD + BUS.replace("1.02\t0\t110", "NaN\t0\t110") + GEN + BRANCH, "line 5", "not a number 'NaN'");
    }

    @Test
    void refusesInfinityOutsideLimitColumns() {
        refused(HEAD + BUS.replace("1.02\t0\t110", "1.02\t0\tInf") + GEN + BRANCH, "line 5", "column 10", "infinite");
    }

    @Test
    void refusesAbsurdBusNumber() {
        refused(HEAD + BUS.replace("\t3\t2\t30", "\t9e99\t2\t30") + GEN + BRANCH, "line 7", "9e99", "beyond any grid's range");
        refused(HEAD + BUS.replace("\t3\t2\t30", "\t3.5\t2\t30") + GEN + BRANCH, "line 7", "3.5", "whole number");
    }

    @Test
    void refusesDuplicateBus() {
        refused(HEAD + BUS.replace("\t3\t2\t30", "\t2\t2\t30") + GEN + BRANCH, "line 7", "bus 2 is defined twice", "line 6");
    }

    @Test
    void refusesValuesBeyondAnyGridsRange() {
        // Each would overflow the per-unit conversion or make the solver's matrix singular (found by fuzzing).
        refused(HEAD + BUS.replace("1.02\t0\t110", "1.02\t0\t1e300") + GEN + BRANCH, "line 5", "column 10", "range");
        refused(HEAD + BUS.replace("1.02\t0\t110", "1.02\t0\t20000") + GEN + BRANCH, "line 5", "bus 1 has base kV 20000");
        refused(HEAD + BUS.replace("1.02\t0\t110", "1.02\t0\t1e-300") + GEN + BRANCH, "line 5", "base kV");
        refused(HEAD + BUS.replace("1.02\t0\t110", "11\t0\t110") + GEN + BRANCH, "line 5", "voltage magnitude 11");
        refused(HEAD.replace("100;", "1e-300;") + BUS + GEN + BRANCH, "line 3", "mpc.baseMVA is 1.0E-300");
        refused(HEAD + BUS + GEN + BRANCH.replace("1.05\t-3", "1e-300\t-3"), "line 15", "tap ratio");
        refused(HEAD + BUS + GEN + BRANCH.replace("1.05\t-3", "1.05\t-400"), "line 15", "phase shift -400");
        refused(HEAD + BUS + GEN + BRANCH.replace("0.005\t0.08", "1e308\t0.08"), "line 15", "column 3", "range");
    }

    @Test
    void acceptsAnyFiniteLimitAsNoLimit() throws Exception {
        Network n = read(HEAD + BUS + GEN.replace("Inf", "1e300") + BRANCH.replace("\t60\t60\t60", "\t1e300\t60\t60"));
        assertThat(n.getGenerator("G1-1").getReactiveLimits().getMaxQ(0)).isEqualTo(1e300);
        assertThat(new PowerFlowRunner().run(n, PowerFlowRunner.Settings.MATPOWER).mode()).isEqualTo(PowerFlowResult.Mode.AC);
    }

    @Test
    void refusesBranchToUnknownBus() {
        refused(HEAD + BUS + GEN + BRANCH.replace("\t2\t3\t0.005", "\t2\t7\t0.005"), "bus 7", "does not define");
    }

    @Test
    void refusesZeroBase() {
        refused(HEAD.replace("100;", "0;") + BUS + GEN + BRANCH, "line 3", "mpc.baseMVA must be above 0");
    }

    @Test
    void refusesTruncatedMatrix() {
        refused(HEAD + BUS + GEN + "mpc.branch = [\n\t1\t2\t0.01\t0.05\t0.02\t100\t100\t100\t0\t0\t1\t-360\t360;\n",
                "mpc.branch is not closed", "truncated");
    }

    @Test
    void refusesMatlabCode() {
        refused(HEAD + BUS + GEN + BRANCH + "mpc.bus(:, 3) = 2 * mpc.bus(:, 3);\n", "line 17", "MATLAB code", "savecase");
        refused(HEAD + "fixed = 0;\n" + BUS + GEN + BRANCH, "line 4", "MATLAB code", "savecase");
    }

    @Test
    void refusesRaggedRows() {
        refused(HEAD + BUS.replace("1.1\t0.9;\n\t3", "1.1;\n\t3") + GEN + BRANCH, "line 6", "columns");
    }

    @Test
    void readsPathologicalInputInLinearTime() throws Exception {
        // 960 KB of unclosed matrix openings: the old regex reader backtracked over the rest of the file at each one.
        String crafted = HEAD + "mpc.a = [1\n".repeat(87_000);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refused(crafted, "mpc.a is not closed"));
        String manyRows = HEAD + "mpc.bus = [\n" + "1 1 0 0 0 0 1 1 0 1 1 1 1;\n".repeat(40_000) + "];\n" + BRANCH;
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refused(manyRows, "bus 1 is defined twice"));
    }

    @Test
    void importerRefusesFilesAboveTheSizeLimitBeforeReadingThem() throws Exception {
        Path big = Files.writeString(dir.resolve("big.m"), HEAD + BUS + GEN + BRANCH);
        assertThatThrownBy(() -> new GridImporter(100).importFile(big)).isInstanceOf(GridImportException.class)
                .hasMessageContaining("big.m").hasMessageContaining("limit");
    }

    @Test
    void importerReportsTruncatedXiidmInOneLine() throws Exception {
        Path full = dir.resolve("ieee14.xiidm");
        com.powsybl.ieeecdf.converter.IeeeCdfNetworkFactory.create14().write("XIIDM", new java.util.Properties(), full);
        String xml = Files.readString(full);
        Path cut = Files.writeString(dir.resolve("cut.xiidm"), xml.substring(0, xml.length() / 2));

        assertThatThrownBy(() -> new GridImporter().importFile(cut)).isInstanceOf(GridImportException.class)
                .hasMessageContaining("cut.xiidm")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
