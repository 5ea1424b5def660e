package org.plurigrid.console.uitests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plurigrid.console.uitests.ConsoleOnDevnet.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.app.ConsoleApplication;
import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmRule;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.alarms.JournalEntry;
import org.plurigrid.console.client.alarms.JournalEvent;
import org.plurigrid.console.views.alarms.AlarmJournalView;
import org.plurigrid.console.views.alarms.AlarmRulesView;
import org.plurigrid.console.views.alarms.RuleDraft;
import org.plurigrid.console.views.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Management of change on the devnet: the operator opens Alarms → Rules, raises the busbar HH limit from 1.1 to
 * 1.12 pu, sees the change listed, applies it; the rules file on disk holds the new limit (previous file kept as
 * .bak), the running engine uses it, and the journal names the operator and the old and new value. Screenshots:
 * target/screenshots/alarms-e2e/alarm-rules-editor.png and alarm-rules-journal.png.
 */
class AlarmRulesOnDevnetUiTest {

    private static final String RULE = "substation-voltage-hh";
    private static final Path HOME = Path.of("target", "ui-home-alarm-rules").toAbsolutePath();
    private static ConsoleApplication app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startConsole() throws Exception {
        // A fresh home: the console writes the shipped rules there at start, so the test edits known rules.
        Files.deleteIfExists(HOME.resolve("alarm-rules.json"));
        Files.deleteIfExists(HOME.resolve("alarm-rules.json.bak"));
        app = ConsoleOnDevnet.launch(HOME);
    }

    @AfterAll
    static void stopConsole() throws Exception {
        ConsoleOnDevnet.stop(app);
    }

    @Test
    void operatorChangesALimitAppliesItAndTheFileEngineAndJournalFollow() throws Exception {
        MainWindow window = app.window();
        app.started().get(60, TimeUnit.SECONDS);
        AlarmEngine engine = app.alarmEngine();
        Path file = HOME.resolve("alarm-rules.json");
        String before = Files.readString(file);
        String operator = System.getProperty("user.name", "operator");

        robot.clickOn("#nav-alarms");
        robot.clickOn("#alarms-tab-rules");
        AlarmRulesView editor = robot.lookup("#alarm-rules-view").queryAs(AlarmRulesView.class);
        TableView<RuleDraft> table = editor.table();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> table.getItems().size())
                == engine.rules().rules().size());

        // Select the rule in the table, then type the new limit into the form.
        TableCell<?, ?> cell = robot.lookup(".table-cell").match(n -> n instanceof TableCell<?, ?> c
                && RULE.equals(c.getText())).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> table.getSelectionModel().getSelectedItem() != null
                && RULE.equals(table.getSelectionModel().getSelectedItem().idProperty().get())));
        TextField limit = robot.lookup("#alarm-rule-limit").queryAs(TextField.class);
        assertThat(fx(() -> limit.getText())).isEqualTo("1.1");
        robot.clickOn(limit);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("1.12");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "1.12".equals(fx(() -> limit.getText())));

        @SuppressWarnings("unchecked")
        ListView<String> changes = robot.lookup("#alarm-rules-changes").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> List.copyOf(changes.getItems()))
                .equals(List.of(RULE + ": limit 1.1 \u2192 1.12")));
        assertThat(fx(() -> ((Label) editor.lookup("#alarm-rule-limit-error")).getText())).isEmpty();
        assertThat(engine.rules().rules().getFirst().limit()).as("nothing runs before Apply").isEqualTo(1.10);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window, "alarms-e2e/alarm-rules-editor");

        robot.clickOn("#alarm-rules-apply");
        Label status = robot.lookup("#alarm-rules-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> status.getText()).startsWith("Applied 1 change"));

        // The file on disk, its backup, and the running engine.
        AlarmRule written = AlarmRuleFile.load(file).rules().stream().filter(r -> r.id().equals(RULE)).findFirst()
                .orElseThrow();
        assertThat(written.limit()).isEqualTo(1.12);
        assertThat(Files.readString(file)).startsWith(AlarmRuleFile.WRITTEN_BY_CONSOLE);
        assertThat(Files.readString(AlarmRuleFile.backupOf(file))).isEqualTo(before);
        assertThat(engine.rules().rules()).filteredOn(r -> r.id().equals(RULE)).singleElement()
                .extracting(AlarmRule::limit).isEqualTo(1.12);

        // The journal: who changed what, from what to what; also in the journal view.
        assertThat(engine.journal().entries()).filteredOn(e -> e.event() == JournalEvent.RULE_CHANGED)
                .singleElement().satisfies(e -> {
                    assertThat(e.operator()).isEqualTo(operator);
                    assertThat(e.source()).isEqualTo(RULE);
                    assertThat(e.message()).isEqualTo("limit 1.1 \u2192 1.12");
                });
        robot.clickOn("#alarms-tab-journal");
        AlarmJournalView journal = robot.lookup(n -> n instanceof AlarmJournalView).queryAs(AlarmJournalView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> journal.table().getItems().stream()
                .map(JournalEntry::message).anyMatch(m -> m.equals("limit 1.1 \u2192 1.12"))));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window, "alarms-e2e/alarm-rules-journal");
    }

}
