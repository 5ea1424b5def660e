package org.plurigrid.console.client.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventBaselinesTest {

    static final DerDevice LOAD = new DerDevice("cg-zeeland", "zeeland-sub-04", "load-0115");
    static final DerDevice BAT = new DerDevice("cg-zeeland", "zeeland-sub-04", "bat-0039");

    @TempDir
    Path home;

    @Test
    void baselinesKeptAtDispatchAreReadBackAndSurviveAddingMeasurements() throws IOException {
        EventBaselines kept = EventBaselines.in(home.resolve("dr"));
        kept.saveBaselines("ev-1", Map.of(LOAD, 7.1, BAT, -47.6));
        kept.saveMeasured("ev-1", Map.of(LOAD, 6.8));

        EventBaselines afterRestart = EventBaselines.in(home.resolve("dr"));
        assertThat(afterRestart.baselines("ev-1")).containsExactlyInAnyOrderEntriesOf(Map.of(LOAD, 7.1, BAT, -47.6));
        assertThat(afterRestart.measured("ev-1")).containsExactlyEntriesOf(Map.of(LOAD, 6.8));
        assertThat(afterRestart.baselines("ev-2")).isEmpty();
        assertThat(home.resolve("dr").resolve("ev-1.baseline.json")).exists();
    }

    @Test
    void keptNowhereRemembersNothing() throws IOException {
        EventBaselines none = EventBaselines.none();
        none.saveBaselines("ev-1", Map.of(LOAD, 7.1));
        assertThat(none.baselines("ev-1")).isEmpty();
    }

    @Test
    void aDamagedFileIsOneClearErrorNamingIt() throws IOException {
        Path f = home.resolve("dr").resolve("ev-1.baseline.json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "{\"baselineKw\": {\"cg/site/load-1\": 3.0");
        assertThatThrownBy(() -> EventBaselines.in(home.resolve("dr")).baselines("ev-1"))
                .isInstanceOf(IOException.class).hasMessageStartingWith("Cannot read " + f);
    }

    @Test
    void anEventIdThatWouldLeaveTheFolderIsRefused() {
        assertThatThrownBy(() -> EventBaselines.in(home).saveBaselines("../../etc/x", Map.of(LOAD, 1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
