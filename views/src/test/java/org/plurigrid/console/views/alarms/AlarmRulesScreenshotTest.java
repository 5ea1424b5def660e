package org.plurigrid.console.views.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.views.common.TestImages.saturatedShare;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.onFx;
import static org.plurigrid.console.views.common.TestImages.toBuffered;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.testsupport.fx.FxPlatformExtension;
import org.plurigrid.console.views.common.Theme;

/** Renders the rule editor with the shipped rules, one edited and one invalid: {@code target/screenshots/alarm-rules.png}. */
@ExtendWith(FxPlatformExtension.class)
class AlarmRulesScreenshotTest {

    @Test
    void editorShowsTheFieldProblemInGreyNextToTheField() throws Exception {
        ScriptedAlarmRules backend = new ScriptedAlarmRules();
        backend.running = new AlarmRuleSet("defaults", AlarmRuleFile.defaults().rules());
        AlarmRulesViewModel vm = new AlarmRulesViewModel(backend, Runnable::run, Runnable::run, "eve");
        AlarmRulesView view = onFx(() -> {
            vm.load();
            AlarmRulesView v = new AlarmRulesView(vm);
            vm.allRules().get(1).field(RuleField.LIMIT).set("1.07");
            vm.selectedProperty().set(vm.allRules().getFirst());
            vm.selectedProperty().get().field(RuleField.ON_DELAY).set("2 sec");
            return v;
        });
        Stage stage = onFx(() -> {
            Scene scene = new Scene(view, 1240, 760);
            Theme.apply(scene);
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            return s;
        });
        Thread.sleep(300);
        BufferedImage img = onFx(() -> {
            WritableImage snap = view.snapshot(null, null);
            stage.close();
            return toBuffered(snap);
        });
        Path out = Path.of("target", "screenshots", "alarm-rules.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", out.toFile());

        List<String> marks = onFx(() -> view.table().lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.getItem() != null)
                .map(n -> n.getPseudoClassStates().stream().map(PseudoClass::getPseudoClassName)
                        .filter(p -> p.equals("modified") || p.equals("invalid")).sorted().toList().toString())
                .filter(p -> !p.equals("[]")).sorted().toList());
        assertThat(marks).as("the edited and the invalid row are styled as such").containsExactly("[invalid, modified]", "[modified]");
        String error = onFx(() -> ((Label) view.lookup("#alarm-rule-onDelay-error")).getText());
        assertThat(error).contains("\"onDelay\" is \"2 sec\"");
        assertThat(saturatedShare(img)).as("ISA-101: the editor draws no saturated colour").isLessThan(0.002);
    }
}
