package org.plurigrid.console.devnet.grid;

import com.powsybl.ieeecdf.converter.IeeeCdfNetworkFactory;
import com.powsybl.iidm.network.Branch;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.TwoSides;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BranchRatingsTest {

    private static List<BranchRatings.Rating> ratingsFor(Network n) {
        List<BranchRatings.Rating> out = new ArrayList<>();
        for (Branch<?> b : n.getBranches()) {
            out.add(new BranchRatings.Rating(b.getId(), "line", 400, "A", 400, 380.5, 120.4, 300, "-",
                    BranchRatings.Basis.N_MINUS_1));
        }
        return out;
    }

    @Test
    void survivesTheResourceFormatAndSetsBothSidesLimits() throws Exception {
        Network n = IeeeCdfNetworkFactory.create14();
        BranchRatings written = new BranchRatings(ratingsFor(n));
        String csv = written.toCsv(List.of("a comment"));

        BranchRatings read = BranchRatings.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        read.applyTo(n);

        assertThat(csv).startsWith("# a comment\n" + BranchRatings.HEADER);
        assertThat(read.all()).containsExactlyInAnyOrderElementsOf(written.all());
        Branch<?> b = n.getBranches().iterator().next();
        assertThat(b.getCurrentLimits(TwoSides.ONE).orElseThrow().getPermanentLimit()).isEqualTo(400);
        assertThat(b.getCurrentLimits(TwoSides.TWO).orElseThrow().getPermanentLimit()).isEqualTo(380.5);
    }

    @Test
    void refusesATableThatDoesNotMatchTheNetwork() {
        Network n = IeeeCdfNetworkFactory.create14();
        List<BranchRatings.Rating> ratings = ratingsFor(n);
        String dropped = ratings.remove(0).branchId();

        assertThatThrownBy(() -> new BranchRatings(ratings).applyTo(n))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(dropped).hasMessageContaining("regenerate");
    }

    @Test
    void theDemoTableRatesEveryBranchWithAFewWeakSpots() {
        BranchRatings demo = BranchRatings.demo();

        assertThat(demo.all()).hasSizeGreaterThan(50);
        assertThat(demo.weakSpots()).hasSizeBetween(2, 6);
        assertThat(demo.all()).allSatisfy(r -> assertThat(r.limit1A()).isPositive());
    }
}
