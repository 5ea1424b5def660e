package org.plurigrid.console.uitests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.uitests.ConsoleOnDevnet.fx;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The clip check itself: it must see an ellipsis, and accept a wrapped text or a cut one with its whole tooltip. */
class ClippedTextTest {

    private static final String LONG = "cg-groningen/groningen-sub-04 · Substation/ActivePower_MW";
    private Stage stage;

    @BeforeEach
    void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
        stage = FxToolkit.setupStage(s -> {
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private List<ClippedText.Clip> clipsOf(Label label) throws Exception {
        VBox root = new VBox(label);
        fx(() -> {
            stage.setScene(new Scene(root, 120, 80));
            stage.show();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> ClippedText.in(root));
    }

    @Test
    void findsALabelShownWithAnEllipsis() throws Exception {
        List<ClippedText.Clip> clips = clipsOf(new Label(LONG));
        assertThat(clips).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo(LONG);
            assertThat(c.shown()).endsWith("...");
        });
    }

    @Test
    void acceptsACutLabelWhoseTooltipHasTheWholeText() throws Exception {
        Label label = new Label(LONG);
        label.setTooltip(new Tooltip(LONG));
        assertThat(clipsOf(label)).isEmpty();
    }

    @Test
    void acceptsAWrappedLabel() throws Exception {
        Label label = new Label("Renewable share");
        label.setWrapText(true);
        assertThat(clipsOf(label)).isEmpty();
    }
}
