package org.plurigrid.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A missing display or GTK 3 ends in one line that says what to do, before JavaFX prints its stack traces. */
class GuiPreflightTest {

    private static final Path GTK = Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0");

    @Test
    void noDisplayPointsAtTheHeadlessSubcommands() {
        GuiPreflight p = new GuiPreflight("Linux", Map.of(), null, GTK::equals);
        assertThat(p.problem()).hasValueSatisfying(line -> {
            assertThat(line).contains("no display").contains("DISPLAY").contains("keys, gov, tx, grid, telemetry");
            assertThat(line.lines()).hasSize(1);
        });
    }

    @Test
    void missingGtkSaysWhatToInstall() {
        GuiPreflight p = new GuiPreflight("Linux", Map.of("DISPLAY", ":0"), null, path -> false);
        assertThat(p.problem()).hasValueSatisfying(line -> assertThat(line)
                .contains("GTK 3 is not installed").contains("apt-get install libgtk-3-0").contains("headless"));
    }

    @Test
    void findsGtkOnTheLibraryPathOrInTheSystemFolders() {
        assertThat(new GuiPreflight("Linux", Map.of("DISPLAY", ":0"), null, GTK::equals).problem()).isEmpty();
        Path own = Path.of("/opt/gtk/lib/libgtk-3.so.0");
        assertThat(new GuiPreflight("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0", "LD_LIBRARY_PATH", "/opt/gtk/lib"),
                null, own::equals).problem()).isEmpty();
    }

    @Test
    void otherSystemsAndHeadlessMonocleAreNotChecked() {
        assertThat(new GuiPreflight("Windows 11", Map.of(), null, p -> false).problem()).isEmpty();
        assertThat(new GuiPreflight("Linux", Map.of(), "Monocle", p -> false).problem()).isEmpty();
    }

    @Test
    void aFailedLaunchIsOneLineWithJavaFxsReason() {
        RuntimeException e = new RuntimeException("launch", new UnsupportedOperationException("Unable to open DISPLAY\nmore"));
        assertThat(GuiPreflight.launchFailed(e)).isEqualTo("plurigrid-console: the window could not open (Unable to"
                + " open DISPLAY); " + GuiPreflight.HEADLESS_HINT + ".");
    }
}
