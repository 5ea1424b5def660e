package org.plurigrid.console.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.client.recording.RecordingStatus;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.ConnectionState;
import org.plurigrid.console.client.telemetry.ConnectionStatus;
import org.plurigrid.console.client.telemetry.TelemetryStats;
import org.plurigrid.console.testsupport.fx.FxThreadExtension;
import org.plurigrid.console.views.common.TestClock;

@ExtendWith(FxThreadExtension.class)
class StatusBarViewModelTest {

    private static final ChangeSet NOTHING = new ChangeSet(List.of(), TelemetryStats.EMPTY);
    private final TestClock clock = TestClock.at("2026-11-25T11:59:58.500Z");

    @Test
    void showsEachConnectionWithStateAndReconnectCount() {
        List<ConnectionStatus> live = new ArrayList<>(List.of(
                new ConnectionStatus("devnet", "tcp://127.0.0.1:1883", ConnectionState.CONNECTED, 0, ""),
                new ConnectionStatus("site-b", "tcp://10.0.0.2:1883", ConnectionState.RECONNECTING, 3, "connection refused")));
        StatusBarViewModel vm = new StatusBarViewModel(() -> live, clock, ZoneId.of("Europe/Amsterdam"));

        assertThat(vm.connections()).extracting(ConnectionItem::text)
                .containsExactly("devnet: connected", "site-b: reconnecting · 3 reconnects");
        assertThat(vm.connections()).extracting(ConnectionItem::abnormal).containsExactly(false, true);
        assertThat(vm.connections().get(1).tooltip()).contains("tcp://10.0.0.2:1883").contains("connection refused");
    }

    @Test
    void aBrokerWhoseTlsHostNameIsNotVerifiedCarriesAStandingWarningInTheDiagnosticColour() {
        org.plurigrid.console.client.telemetry.BrokerConfig unverified = org.plurigrid.console.client.telemetry.BrokerConfig
                .builder("site", "ssl://broker.site:8883")
                .tls(org.plurigrid.console.client.telemetry.TlsSettings.trusting(java.nio.file.Path.of("ca.pem"))
                        .withVerifyHostname(false)).build();
        org.plurigrid.console.client.telemetry.BrokerConfig verified = org.plurigrid.console.client.telemetry.BrokerConfig
                .builder("site", "ssl://broker.site:8883")
                .tls(org.plurigrid.console.client.telemetry.TlsSettings.trusting(java.nio.file.Path.of("ca.pem"))).build();
        assertThat(ConnectionStatus.warningFor(verified)).isEmpty();

        ConnectionItem item = StatusBarViewModel.toItem(new ConnectionStatus("site", "ssl://broker.site:8883",
                ConnectionState.CONNECTED, 0, "", ConnectionStatus.warningFor(unverified)));
        assertThat(item.text()).isEqualTo("site: connected · ▲ TLS host name not verified");
        assertThat(item.abnormal()).as("shown in the diagnostic colour although connected").isTrue();
        assertThat(item.tooltip()).contains("TLS host name not verified");

        ConnectionItem plain = StatusBarViewModel.toItem(new ConnectionStatus("devnet", "tcp://127.0.0.1:1883",
                ConnectionState.CONNECTED, 0, ""));
        assertThat(plain.text()).isEqualTo("devnet: connected");
        assertThat(plain.abnormal()).isFalse();
    }

    @Test
    void readsConnectionsAtMostFourTimesASecond() {
        AtomicInteger reads = new AtomicInteger();
        StatusBarViewModel vm = new StatusBarViewModel(() -> {
            reads.incrementAndGet();
            return List.of();
        }, clock, ZoneId.of("UTC"));
        int afterConstruction = reads.get();

        for (int frame = 0; frame < 60; frame++) {     // one second at 60 fps
            vm.onFrame(NOTHING);
            clock.advance(Duration.ofMillis(1000 / 60));
        }

        assertThat(reads.get() - afterConstruction).isBetween(3, 5);
    }

    @Test
    void showsUtcAndLocalClocksThatTick() {
        StatusBarViewModel vm = new StatusBarViewModel(List::of, clock, ZoneId.of("Europe/Amsterdam"));
        assertThat(vm.utcClockProperty().get()).isEqualTo("11:59:58 UTC");
        assertThat(vm.dateProperty().get()).isEqualTo("Wednesday 2026-11-25 (UTC)");
        assertThat(vm.localClockProperty().get()).isEqualTo("12:59:58 CET");

        clock.advance(Duration.ofSeconds(2));
        vm.onFrame(NOTHING);

        assertThat(vm.utcClockProperty().get()).isEqualTo("12:00:00 UTC");
    }

    @Test
    void startsHonestUntilChainAndRecorderAreWired() {
        StatusBarViewModel vm = new StatusBarViewModel(List::of, clock, ZoneId.of("UTC"));

        assertThat(vm.chainStatusProperty().get()).isEqualTo("chain: not configured");
        assertThat(vm.recordingStatusProperty().get()).isEqualTo("not recording");
    }

    @Test
    void showsTheLocalClockOnlyWhereItDiffersFromUtc() {
        assertThat(new StatusBarViewModel(List::of, clock, ZoneId.of("UTC")).localClockProperty().get()).isEmpty();
        assertThat(new StatusBarViewModel(List::of, clock, ZoneId.of("Europe/London")).localClockProperty().get())
                .as("London is on UTC in winter").isEmpty();
        assertThat(new StatusBarViewModel(List::of, clock, ZoneId.of("Europe/Amsterdam")).localClockProperty().get())
                .isEqualTo("12:59:58 CET");
    }

    @Test
    void recordingShowsRateAndLagWithStoreAndFileInTheDetailThenTheErrorBufferAndDropsWhenFailing() {
        StatusBarViewModel vm = new StatusBarViewModel(List::of, clock, ZoneId.of("UTC"));
        assertThat(vm.recordingStatusProperty().get()).isEqualTo("not recording");

        vm.showRecording(new RecordingStatus(RecordingStatus.State.RECORDING, "duckdb",
                "/home/op/.plurigrid/recordings/recording-20261203T080000Z.duckdb", 120_000, 2_345.4,
                Duration.ofMillis(300), 12, 0, "", "new recording"));
        assertThat(vm.recordingStatusProperty().get())
                .isEqualTo("REC · 2,345 rows/s · lag 0.3 s");
        assertThat(vm.recordingProperty().get()).isTrue();
        assertThat(vm.recordingAbnormalProperty().get()).isFalse();
        assertThat(vm.recordingDetailProperty().get()).contains("/home/op/.plurigrid/recordings/")
                .contains("120,000 rows written");

        vm.showRecording(new RecordingStatus(RecordingStatus.State.FAILING, "duckdb", "x.duckdb", 120_000, 0,
                Duration.ofSeconds(4), 40_000, 17, "disk full", ""));
        assertThat(vm.recordingStatusProperty().get())
                .isEqualTo("REC FAILING: disk full · 40,000 buffered · 17 dropped");
        assertThat(vm.recordingAbnormalProperty().get()).isTrue();
        assertThat(vm.recordingDetailProperty().get()).contains("last error: disk full");

        vm.showRecording(new RecordingStatus(RecordingStatus.State.NOT_RECORDING, "", "", 0, 0, Duration.ZERO, 0, 0,
                "cannot open the recording: file is locked", ""));
        assertThat(vm.recordingStatusProperty().get()).isEqualTo("not recording: cannot open the recording: file is locked");
        assertThat(vm.recordingAbnormalProperty().get()).isTrue();
        assertThat(vm.recordingProperty().get()).isFalse();
    }
}
