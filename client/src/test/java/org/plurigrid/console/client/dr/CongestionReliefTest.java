package org.plurigrid.console.client.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.powsybl.ieeecdf.converter.IeeeCdfNetworkFactory;
import com.powsybl.iidm.network.Line;
import com.powsybl.iidm.network.Network;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.grid.PowerFlowRunner;

class CongestionReliefTest {

    final CongestionRelief relief = new CongestionRelief();

    /** IEEE 14 with a permanent limit on {@code lineId} at {@code 100 / loadingPercent} of its current flow. */
    static Network ieee14WithLineAt(String lineId, double loadingPercent) {
        Network n = IeeeCdfNetworkFactory.create14();
        new PowerFlowRunner().run(n);
        Line l = n.getLine(lineId);
        double limit = Math.abs(l.getTerminal1().getI()) * 100 / loadingPercent;
        l.newCurrentLimits1().setPermanentLimit(limit).add();
        l.newCurrentLimits2().setPermanentLimit(limit * 10).add();
        return n;
    }

    /** Half of every substation's load may respond, kW. */
    static Map<String, Double> halfOfEachSitesLoad(Network n) {
        Map<String, Double> flex = new LinkedHashMap<>();
        n.getLoadStream().forEach(l -> flex.merge(l.getTerminal().getVoltageLevel().getSubstation().orElseThrow().getId(),
                Math.max(0, l.getP0()) * 1000 / 2, Double::sum));
        return flex;
    }

    static String aLoadedLine(Network n) {
        return n.getLineStream().filter(l -> l.getId().contains("L4-5") || l.getId().contains("4-5")).findFirst()
                .orElseGet(() -> n.getLineStream().findFirst().orElseThrow()).getId();
    }

    @Test
    void proposesEventsThatBringAnOverloadedLineUnderItsLimitCheckedByALoadFlow() {
        Network probe = IeeeCdfNetworkFactory.create14();
        String line = aLoadedLine(probe);
        Network n = ieee14WithLineAt(line, 112);

        CongestionRelief.Proposal p = relief.propose(n, CongestionRelief.Congestion.baseCase(line), halfOfEachSitesLoad(n), 98);

        assertThat(p.loadingBeforePercent()).isCloseTo(112, org.assertj.core.data.Offset.offset(1.0));
        assertThat(p.events()).isNotEmpty();
        assertThat(p.loadingAfterPercent()).as("solved after %s", p.events()).isLessThanOrEqualTo(98).isLessThan(p.loadingBeforePercent());
        assertThat(p.enough()).isTrue();
        assertThat(p.events().getFirst().site()).as("the most effective site goes first").isEqualTo(p.ranking().getFirst().site());
        assertThat(p.events().size()).as("no more sites than needed").isLessThanOrEqualTo(p.ranking().size());
        assertThat(n.getVariantManager().getVariantIds()).as("the proposal's variants are gone").hasSize(1);
    }

    @Test
    void ranksSitesByReliefPerMegawattMostEffectiveFirst() {
        String line = aLoadedLine(IeeeCdfNetworkFactory.create14());
        Network n = ieee14WithLineAt(line, 110);

        var ranking = relief.rank(n, CongestionRelief.Congestion.baseCase(line), halfOfEachSitesLoad(n));

        assertThat(ranking).isNotEmpty();
        assertThat(ranking).allMatch(e -> e.amperesPerMw() < 0, "every ranked site relieves");
        assertThat(ranking).extracting(CongestionRelief.SiteEffect::amperesPerMw).isSorted();
    }

    @Test
    void aBranchAlreadyUnderTheTargetNeedsNoEvent() {
        String line = aLoadedLine(IeeeCdfNetworkFactory.create14());
        Network n = ieee14WithLineAt(line, 80);

        CongestionRelief.Proposal p = relief.propose(n, CongestionRelief.Congestion.baseCase(line), halfOfEachSitesLoad(n), 100);

        assertThat(p.events()).isEmpty();
        assertThat(p.enough()).isTrue();
    }

    @Test
    void relievesAnOverloadThatOnlyAppearsAfterAnOutage() {
        Network probe = IeeeCdfNetworkFactory.create14();
        String line = aLoadedLine(probe);
        String outage = probe.getLineStream().map(Line::getId).filter(id -> !id.equals(line)).findFirst().orElseThrow();
        Network n = ieee14WithLineAt(line, 90);
        CongestionRelief.Congestion c = CongestionRelief.Congestion.afterOutage(line, outage);
        double afterOutage = relief.propose(n, c, Map.of(), 1000).loadingBeforePercent();

        CongestionRelief.Proposal p = relief.propose(n, c, halfOfEachSitesLoad(n), afterOutage - 5);

        assertThat(afterOutage).as("the outage changes the flow").isNotCloseTo(90, org.assertj.core.data.Offset.offset(0.5));
        assertThat(p.loadingAfterPercent()).isLessThanOrEqualTo(afterOutage - 5);
        assertThat(c.label()).contains("after the loss of " + outage);
    }

    @Test
    void aBranchWithoutLimitIsRefusedWithItsName() {
        Network n = IeeeCdfNetworkFactory.create14();
        String line = n.getLineStream().findFirst().orElseThrow().getId();

        assertThatThrownBy(() -> relief.propose(n, CongestionRelief.Congestion.baseCase(line), Map.of(), 100))
                .hasMessageContaining(line).hasMessageContaining("no permanent current limit");
    }
}
