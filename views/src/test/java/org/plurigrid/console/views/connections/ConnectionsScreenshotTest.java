package org.plurigrid.console.views.connections;

import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.onFx;
import static org.plurigrid.console.views.common.TestImages.toBuffered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.views.common.TestImages.saturatedShare;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.testsupport.fx.FxPlatformExtension;
import org.plurigrid.console.views.common.Theme;

/** Renders the connection dialog and saves {@code target/screenshots/connections-dialog*.png} for people to look at. */
@ExtendWith(FxPlatformExtension.class)
class ConnectionsScreenshotTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private ConnectionsViewModel viewModel() {
        ConnectionsViewModel vm = new ConnectionsViewModel(new ScriptedConnections(), Runnable::run, Runnable::run);
        vm.load();
        return vm;
    }

    @Test
    void snapshotOfTheDialogIsCalmGrey() throws Exception {
        Parent view = onFx(() -> new ConnectionsView(viewModel()));

        BufferedImage img = render(view, "connections-dialog.png");

        assertThat(saturatedShare(img)).as("ISA-101: no saturated colour on a dialog with nothing wrong").isLessThan(0.002);
    }

    @Test
    void snapshotOfAnInvalidFieldShowsItsMessage() throws Exception {
        Parent view = onFx(() -> {
            ConnectionsViewModel vm = viewModel();
            ConnectionsView v = new ConnectionsView(vm);
            vm.brokers().getFirst().topicFiltersProperty().set("spBv1.0/cg-utrecht/#\nspBv1.0/#/NDATA");
            vm.save();
            return v;
        });

        render(view, "connections-dialog-invalid.png", 1.0);

        String shown = onFx(() -> ((javafx.scene.control.Label) view.lookup("#error-topic-filters")).getText());
        assertThat(shown).isEqualTo("Topic filters: line 2: topic filter 'spBv1.0/#/NDATA' may use '#' only as the whole last level");
    }

    private static BufferedImage render(Parent root, String file) throws Exception {
        return render(root, file, 0);
    }

    /** @param scroll vertical position of the editor, 0 (top) to 1 (bottom) */
    private static BufferedImage render(Parent root, String file, double scroll) throws Exception {
        Stage stage = onFx(() -> {
            Scene scene = new Scene(root, 980, 1010);
            Theme.apply(scene);
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            return s;
        });
        Thread.sleep(200);
        onFx(() -> {
            ((javafx.scene.control.ScrollPane) root.lookup(".connections-scroll")).setVvalue(scroll);
            return null;
        });
        Thread.sleep(200);
        BufferedImage img = onFx(() -> {
            WritableImage snap = root.snapshot(null, null);
            stage.close();
            return toBuffered(snap);
        });
        Files.createDirectories(SHOTS);
        ImageIO.write(img, "png", SHOTS.resolve(file).toFile());
        return img;
    }
}
