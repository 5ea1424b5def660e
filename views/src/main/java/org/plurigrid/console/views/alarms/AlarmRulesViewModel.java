package org.plurigrid.console.views.alarms;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.plurigrid.console.client.alarms.AlarmRuleChange;
import org.plurigrid.console.client.alarms.AlarmRuleCheck;
import org.plurigrid.console.client.alarms.AlarmRuleDraft;
import org.plurigrid.console.client.alarms.AlarmRuleFile;
import org.plurigrid.console.client.alarms.AlarmRuleSet;
import org.plurigrid.console.client.alarms.RuleProblem;
import org.plurigrid.console.client.errors.ErrorText;

/**
 * The alarm rule editor (ISA-18.2 management of change): the rules the engine runs as editable drafts, checked as
 * they are typed with the rules file's own checker, the changes an Apply would make, and the commands add (a copy of
 * the selected rule), delete, revert and apply. Loading and applying go through {@link AlarmRulesBackend} on the
 * {@code background} executor; results come back on the {@code fx} executor.
 */
public final class AlarmRulesViewModel {

    /** How the status line should read: information, success or a failure the operator must act on. */
    public enum StatusKind { INFO, OK, FAILED }

    private final AlarmRulesBackend backend;
    private final Executor background;
    private final Executor fx;
    private final String operator;

    private final ObservableList<RuleDraft> rules = FXCollections.observableArrayList();
    private final FilteredList<RuleDraft> filtered = new FilteredList<>(rules, d -> true);
    private final ObservableList<RuleDraft> readOnlyFiltered = FXCollections.unmodifiableObservableList(filtered);
    private final ObjectProperty<RuleDraft> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<String> pendingChanges = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyPendingChanges = FXCollections.unmodifiableObservableList(pendingChanges);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyIntegerWrapper problemCount = new ReadOnlyIntegerWrapper(this, "problemCount");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<StatusKind> statusKind = new ReadOnlyObjectWrapper<>(this, "statusKind",
            StatusKind.INFO);
    private final InvalidationListener revalidate = o -> revalidate();

    private AlarmRuleSet running = new AlarmRuleSet("not loaded", List.of());
    private List<AlarmRuleDraft> baseline = List.of();
    private Map<String, AlarmRuleDraft> baselineById = Map.of();
    private AlarmRuleCheck lastCheck = new AlarmRuleCheck(Optional.of(running), List.of());

    /**
     * @param operator the signed-in operator: the journal names them for every change applied
     */
    public AlarmRulesViewModel(AlarmRulesBackend backend, Executor background, Executor fx, String operator) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.operator = Objects.requireNonNull(operator, "operator");
        filter.addListener((o, a, b) -> {
            String needle = b == null ? "" : b.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(d -> needle.isEmpty() || matches(d, needle));
        });
    }

    // ------------------------------------------------------------------------------------------------ state

    /** The rules as edited, filtered by {@link #filterProperty()}, in file order (the table sorts its own view). */
    public ObservableList<RuleDraft> rules() {
        return readOnlyFiltered;
    }

    /** All rules as edited, unfiltered. */
    public List<RuleDraft> allRules() {
        return List.copyOf(rules);
    }

    /** The rule the form edits; the view sets it from the table's selection. */
    public ObjectProperty<RuleDraft> selectedProperty() {
        return selected;
    }

    /** Text filter over id, match, kind, priority and message. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** What an Apply would journal, one line per change, e.g. "substation-voltage-hh: limit 1.1 → 1.12". */
    public ObservableList<String> pendingChanges() {
        return readOnlyPendingChanges;
    }

    /** The edits differ from the rules the engine runs. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Every rule passes the checks of the rules file. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Loading or applying. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** How many problems the checker found across all rules. */
    public ReadOnlyIntegerProperty problemCountProperty() {
        return problemCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusKind> statusKindProperty() {
        return statusKind.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------------------------------------ commands

    /** Reads the running rules (off the FX thread) and shows them, dropping any edits. */
    public void load() {
        busy.set(true);
        say(StatusKind.INFO, "Reading the alarm rules\u2026");
        background.execute(() -> {
            AlarmRuleSet set;
            try {
                set = backend.load();
            } catch (Exception e) {
                String message = messageOf(e);
                fx.execute(() -> {
                    busy.set(false);
                    say(StatusKind.FAILED, "Cannot read the alarm rules: " + message);
                });
                return;
            }
            fx.execute(() -> {
                busy.set(false);
                show(set);
                say(StatusKind.INFO, set.rules().size() + " rules from " + backend.location() + ".");
            });
        });
    }

    /** Adds a copy of the selected rule under a new id, right after it, and selects it for editing. */
    public RuleDraft addCopyOfSelected() {
        RuleDraft from = selected.get();
        AlarmRuleDraft template = from != null ? from.toDraft()
                : new AlarmRuleDraft("", "", "", "", "node", "H", "", "0", "0s", "0s", "MEDIUM", "", "");
        String base = template.id().isBlank() ? "new-rule" : template.id() + "-copy";
        String id = base;
        for (int n = 2; idUsed(id); n++) {
            id = base + "-" + n;
        }
        RuleDraft copy = watch(new RuleDraft(template.withId(id)));
        int at = from == null ? rules.size() : rules.indexOf(from) + 1;
        rules.add(at, copy);
        filter.set("");
        revalidate();
        selected.set(copy);
        return copy;
    }

    /** Removes the selected rule from the edits (the engine keeps it until Apply). */
    public void deleteSelected() {
        RuleDraft d = selected.get();
        if (d == null) {
            return;
        }
        int i = rules.indexOf(d);
        unwatch(d);
        rules.remove(d);
        revalidate();
        selected.set(rules.isEmpty() ? null : rules.get(Math.min(i, rules.size() - 1)));
    }

    /** Drops every edit: the rules read as the engine runs them. */
    public void revert() {
        String keep = selected.get() == null ? "" : selected.get().idProperty().get();
        show(running, keep);
        say(StatusKind.INFO, "Edits dropped; the rules read as the engine runs them.");
    }

    /**
     * Writes and applies the edited rules through the backend (off the FX thread). Refused while a rule has a
     * problem or nothing changed.
     */
    public void apply() {
        if (busy.get()) {
            return;
        }
        if (!lastCheck.isValid()) {
            RuleProblem first = lastCheck.problems().getFirst();
            say(StatusKind.FAILED, "Not applied: " + lastCheck.problems().size()
                    + (lastCheck.problems().size() == 1 ? " problem" : " problems") + " to fix first, e.g. "
                    + first.text());
            return;
        }
        if (!dirty.get()) {
            say(StatusKind.INFO, "Nothing to apply: the rules are as the engine runs them.");
            return;
        }
        AlarmRuleSet next = lastCheck.rules().orElseThrow();
        String keep = selected.get() == null ? "" : selected.get().idProperty().get();
        busy.set(true);
        say(StatusKind.INFO, "Applying " + pendingChanges.size() + (pendingChanges.size() == 1 ? " change" : " changes")
                + "\u2026");
        background.execute(() -> {
            List<AlarmRuleChange> changes;
            try {
                changes = backend.apply(next, operator);
            } catch (Exception e) {
                String message = messageOf(e);
                fx.execute(() -> {
                    busy.set(false);
                    say(StatusKind.FAILED, "Not applied: " + message);
                });
                return;
            }
            fx.execute(() -> {
                busy.set(false);
                show(next, keep);
                say(StatusKind.OK, "Applied " + changes.size() + (changes.size() == 1 ? " change" : " changes")
                        + " as " + operator + ": written to " + backend.location() + " and journaled.");
            });
        });
    }

    // ------------------------------------------------------------------------------------------------ internals

    private void show(AlarmRuleSet set) {
        show(set, selected.get() == null ? "" : selected.get().idProperty().get());
    }

    private void show(AlarmRuleSet set, String keepId) {
        running = set;
        baseline = set.rules().stream().map(AlarmRuleDraft::of).toList();
        Map<String, AlarmRuleDraft> byId = new HashMap<>();
        baseline.forEach(d -> byId.put(d.id(), d));
        baselineById = byId;
        rules.forEach(this::unwatch);
        List<RuleDraft> drafts = new ArrayList<>();
        baseline.forEach(d -> drafts.add(watch(new RuleDraft(d))));
        rules.setAll(drafts);
        revalidate();
        selected.set(rules.stream().filter(d -> d.idProperty().get().equals(keepId)).findFirst()
                .orElse(rules.isEmpty() ? null : rules.getFirst()));
    }

    private RuleDraft watch(RuleDraft d) {
        for (RuleField f : RuleField.values()) {
            d.field(f).addListener(revalidate);
        }
        return d;
    }

    private void unwatch(RuleDraft d) {
        for (RuleField f : RuleField.values()) {
            d.field(f).removeListener(revalidate);
        }
    }

    /** Runs the rules file's checker over all drafts: cheap (microseconds for a few dozen rules), so on every key. */
    private void revalidate() {
        List<AlarmRuleDraft> drafts = rules.stream().map(RuleDraft::toDraft).toList();
        lastCheck = AlarmRuleFile.check(drafts, backend.location());
        for (int i = 0; i < rules.size(); i++) {
            Map<RuleField, String> errors = new EnumMap<>(RuleField.class);
            for (RuleProblem p : lastCheck.problemsOf(i)) {
                errors.merge(RuleField.forKey(p.field()), p.message(), (a, b) -> a + "; " + b);
            }
            RuleDraft d = rules.get(i);
            d.showErrors(errors);
            d.setModified(!drafts.get(i).equals(baselineById.get(drafts.get(i).id())));
        }
        problemCount.set(lastCheck.problems().size());
        valid.set(lastCheck.isValid());
        List<String> lines = new ArrayList<>();
        if (lastCheck.isValid()) {
            for (AlarmRuleChange c : AlarmRuleChange.between(running, lastCheck.rules().orElseThrow())) {
                lines.add(c.ruleId() + ": " + c.describe());
            }
        }
        pendingChanges.setAll(lines);
        // Valid edits are dirty when they change what the engine does ("1.10" for 1.1 does not); invalid ones always.
        dirty.set(lastCheck.isValid() ? !lines.isEmpty() : !drafts.equals(baseline));
    }

    private boolean idUsed(String id) {
        return rules.stream().anyMatch(d -> d.idProperty().get().equals(id));
    }

    private static boolean matches(RuleDraft d, String needle) {
        AlarmRuleDraft r = d.toDraft();
        return (r.id() + " " + d.matchSummary() + " " + r.kind() + " " + r.priority() + " " + r.message())
                .toLowerCase(Locale.ROOT).contains(needle);
    }

    private void say(StatusKind kind, String text) {
        statusKind.set(kind);
        status.set(text);
    }

    private static String messageOf(Exception e) {
        return ErrorText.of(e);
    }
}
