package org.plurigrid.console.client.grid;

import com.powsybl.iidm.network.Network;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The DC-screened N-1 reports exactly what the unscreened AC run reports (issue 15), on MATPOWER's synthetic grids
 * with their own ratings; the 2,000-bus one (3,206 outages, minutes on a busy machine) with
 * {@code -Dmatpower.large=true}. Timings are printed (figures, not assertions).
 */
class ContingencyScreeningTest {

    @Test
    void screenedN1OfActivsg500EqualsFullAcRun() {
        assertSameAsFullAc("case_ACTIVSg500", () -> matpower("case_ACTIVSg500"), ContingencyService.DEFAULT_SCREEN_MARGIN);
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "matpower.large", matches = "true")
    void screenedN1OfActivsg2000EqualsFullAcRun() {
        assertSameAsFullAc("case_ACTIVSg2000", () -> matpower("case_ACTIVSg2000"), ContingencyService.DEFAULT_SCREEN_MARGIN);
    }

    static Network matpower(String name) {
        try (InputStream gz = Objects.requireNonNull(ContingencyScreeningTest.class.getResourceAsStream("/matpower/cases/" + name + ".m.gz"))) {
            return new MatpowerReader().read(Path.of(name + ".m"), new InputStreamReader(new GZIPInputStream(gz), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GridImportException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs both (the unscreened first, which also warms the code up) and asserts the same outages overload the same branches. */
    static void assertSameAsFullAc(String name, java.util.function.Supplier<Network> model, double fraction) {
        ContingencyReport full = ContingencyService.unscreened().runN1(model.get());
        ContingencyReport screened = new ContingencyService(fraction).runN1(model.get());
        System.out.printf("%s N-1 (margin %.2f): %d outages, %d overloading; full AC %d ms, DC-screened %d ms, %d screened out%n",
                name, fraction, full.contingencies(), full.overloading().size(), full.elapsed().toMillis(),
                screened.elapsed().toMillis(), screened.screenedOut());

        assertThat(screened.contingencies()).isEqualTo(full.contingencies());
        assertThat(screened.dc()).isFalse();
        Map<String, Map<String, Double>> expected = byOutage(full);
        Map<String, Map<String, Double>> actual = byOutage(screened);
        assertThat(actual.keySet()).as(name + ": outages that overload something").isEqualTo(expected.keySet());
        expected.forEach((outage, overloads) -> {
            assertThat(actual.get(outage).keySet()).as(outage).isEqualTo(overloads.keySet());
            overloads.forEach((branch, loading) ->
                    assertThat(actual.get(outage).get(branch)).as(outage + " -> " + branch).isCloseTo(loading, within(0.05)));
        });
    }

    private static Map<String, Map<String, Double>> byOutage(ContingencyReport r) {
        Map<String, Map<String, Double>> m = new TreeMap<>();
        for (ContingencyReport.Outcome o : r.overloading()) {
            Map<String, Double> loads = new TreeMap<>();
            o.overloads().forEach(ov -> loads.put(ov.branchId(), ov.loadingPercent()));
            m.put(o.outagedBranchId(), loads);
        }
        return m;
    }
}
