package org.plurigrid.console.client.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.telemetry.Measurement;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/** The shared store against a real PostgreSQL started for this class. */
class PostgresRecordingStoreTest {

    static final Instant T0 = Instant.parse("2026-12-03T23:59:50Z"); // crosses midnight: two day partitions
    static ThrowAwayPostgres pg;

    @BeforeAll
    static void startServer() throws Exception {
        pg = ThrowAwayPostgres.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void recordsThroughCopyIntoDayPartitionsAndSeeksExactly() throws Exception {
        ReplayClock clock = new ReplayClock(T0);
        Map<Long, Map<PointId, Measurement>> truth = new HashMap<>();
        Map<PointId, Measurement> state = new HashMap<>();
        PostgresRecordingStore store = PostgresRecordingStore.fromUrl(pg.url() + "&schema=rec_a", null);
        try (Recorder r = new Recorder(store, clock,
                RecordingSettings.DEFAULTS.withSnapshotPeriod(Duration.ofSeconds(2)))) {
            assertThat(r.start().isEmpty()).isTrue();
            r.rules(AlarmRuleFile.defaults());
            for (int step = 0; step < 200; step++) {
                clock.set(T0.plusMillis(step * 100L));
                for (int p = 0; p < 4; p++) {
                    if ((step + p) % 2 == 0) {
                        Measurement m = new Measurement(new PointId("g", "n" + p, "", "Voltage"), step + p / 10.0,
                                clock.instant(), step % 13 == p ? Quality.BAD : Quality.GOOD, "pu");
                        r.value(m);
                        state.put(m.id(), m);
                    }
                }
                truth.put(clock.millis(), Map.copyOf(state));
                if (step % 25 == 0) {
                    assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
                }
            }
            r.event(RecordedEvent.EventKind.OPERATOR_ACTION, "alice", "acknowledged all");
            assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(r.status().store()).isEqualTo("postgresql");
            assertThat(r.status().location()).contains("127.0.0.1").contains("rec_a");
        }
        try (RecordingReader reader = PostgresRecordingStore.fromUrl(pg.url() + "&schema=rec_a", null).reader()) {
            RecordingSummary s = reader.summary();
            assertThat(s.values()).isEqualTo(400);
            assertThat(s.events()).isEqualTo(1);
            assertThat(s.ruleSets()).isEqualTo(1);
            assertThat(s.snapshots()).isGreaterThanOrEqualTo(5);
            for (long step : new long[] {0, 3, 99, 100, 101, 150, 199}) {
                long t = T0.toEpochMilli() + step * 100;
                Map<PointId, Measurement> got = new HashMap<>();
                for (RecordedValue v : reader.stateAt(Instant.ofEpochMilli(t))) {
                    got.put(v.id(), AlarmReplay.measurement(v));
                }
                assertThat(got).as("state at step %d", step).isEqualTo(truth.get(t));
            }
        }
        try (var c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "");
             var st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_inherits i JOIN pg_class p "
                    + "ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace "
                    + "WHERE p.relname = 'point_values' AND n.nspname = 'rec_a'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("one partition per UTC day").isEqualTo(2);
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_indexes WHERE schemaname = 'rec_a' "
                    + "AND indexdef LIKE '%USING brin (recv_ms)%'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("BRIN on time").isPositive();
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM rec_a.telemetry WHERE quality = 'BAD'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the analysts' view names qualities").isPositive();
            }
        }
    }

    @Test
    void reopeningCarriesOnAfterWhatIsThere() throws Exception {
        ReplayClock clock = new ReplayClock(T0);
        String url = pg.url() + "&schema=rec_b";
        for (int run = 0; run < 2; run++) {
            try (Recorder r = new Recorder(PostgresRecordingStore.fromUrl(url, null), clock,
                    RecordingSettings.DEFAULTS)) {
                Recovery rec = r.start();
                assertThat(rec.rows()).isEqualTo(run == 0 ? 0 : 10);
                for (int i = 0; i < 10; i++) {
                    clock.advance(Duration.ofMillis(100));
                    r.value(new Measurement(new PointId("g", "n", "", "P"), i, clock.instant(), Quality.GOOD, "kW"));
                }
                assertThat(r.flush(Duration.ofSeconds(10))).isTrue();
            }
        }
        try (RecordingReader reader = PostgresRecordingStore.fromUrl(url, null).reader()) {
            RecordingSummary s = reader.summary();
            assertThat(s.values()).isEqualTo(20);
            assertThat(s.events()).as("the recovery note").isEqualTo(1);
            assertThat(s.points()).isEqualTo(1);
            assertThat(s.lastSequence()).isEqualTo(21);
        }
    }

    @Test
    void refusesPasswordsInTheUrlAndOtherSchemes() {
        assertThatThrownBy(() -> PostgresRecordingStore.fromUrl("postgresql://bob:secret@h/db", null))
                .hasMessageContaining("password").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> PostgresRecordingStore.fromUrl("mysql://h/db", null))
                .hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> PostgresRecordingStore.fromUrl("postgresql://h/db?schema=Bad-Name", null))
                .hasMessageContaining("schema");
    }
}
