package org.plurigrid.console.plugins;

import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.plugins.bundled.quality.QualityTally;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QualityTallyTest {

    private static Measurement point(String grid, String device, Quality q) {
        return new Measurement(new PointId(grid, "sub-01", device, "ActivePower"), 1.0, Instant.EPOCH, q, "kW");
    }

    @Test
    void countsEachPointOnceByItsLatestQuality() {
        QualityTally tally = new QualityTally();
        tally.accept(List.of(point("cg-utrecht", "pv-0001", Quality.GOOD), point("cg-utrecht", "pv-0002", Quality.GOOD)));
        tally.accept(List.of(point("cg-utrecht", "pv-0001", Quality.STALE)));

        QualityTally.GridQuality row = tally.rows().getFirst();
        assertThat(row.grid()).isEqualTo("cg-utrecht");
        assertThat(row.total()).isEqualTo(2);
        assertThat(row.count(Quality.GOOD)).isEqualTo(1);
        assertThat(row.count(Quality.STALE)).isEqualTo(1);
        assertThat(row.goodShare()).isEqualTo(0.5);
    }

    @Test
    void aReplacedStateIsCountedAloneWithNothingOfBefore() {
        QualityTally tally = new QualityTally();
        tally.accept(List.of(point("cg-utrecht", "pv-0001", Quality.COMMS_LOST), point("cg-zeeland", "ev-0001", Quality.GOOD)));

        tally.replaceWith(List.of(point("cg-utrecht", "pv-0002", Quality.GOOD)));

        assertThat(tally.rows()).extracting(QualityTally.GridQuality::grid).containsExactly("cg-utrecht");
        assertThat(tally.rows().getFirst().total()).isEqualTo(1);
        assertThat(tally.rows().getFirst().count(Quality.COMMS_LOST)).isZero();
    }

    @Test
    void keepsCommunityGridsApartAndSorted() {
        QualityTally tally = new QualityTally();
        tally.accept(List.of(point("cg-zeeland", "bat-0001", Quality.COMMS_LOST), point("cg-brabant", "ev-0001", Quality.GOOD)));

        assertThat(tally.rows()).extracting(QualityTally.GridQuality::grid).containsExactly("cg-brabant", "cg-zeeland");
        assertThat(tally.rows().get(1).count(Quality.COMMS_LOST)).isEqualTo(1);
    }
}
