package org.plurigrid.console.views.alarms;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.plurigrid.console.client.alarms.AlarmKind;
import org.plurigrid.console.client.alarms.AlarmRuleDraft;

/**
 * One rule as the editor holds it: every field as text the operator types, the problems the checker found per
 * field, and whether the rule differs from what the engine runs. Lives on the FX thread.
 */
public final class RuleDraft {

    private final Map<RuleField, StringProperty> fields = new EnumMap<>(RuleField.class);
    private final ObservableMap<RuleField, String> errors = FXCollections.observableMap(new EnumMap<>(RuleField.class));
    private final ObservableMap<RuleField, String> readOnlyErrors = FXCollections.unmodifiableObservableMap(errors);
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");
    private final ReadOnlyBooleanWrapper invalid = new ReadOnlyBooleanWrapper(this, "invalid");
    private final ReadOnlyBooleanWrapper limitUsed = new ReadOnlyBooleanWrapper(this, "limitUsed", true);

    RuleDraft(AlarmRuleDraft d) {
        for (RuleField f : RuleField.values()) {
            fields.put(f, new SimpleStringProperty(this, f.key(), ""));
        }
        set(d);
        field(RuleField.KIND).addListener((o, a, b) -> limitUsed.set(kindNeedsLimit(b)));
        limitUsed.set(kindNeedsLimit(field(RuleField.KIND).get()));
    }

    /** The text of one field; the form binds to it both ways. */
    public StringProperty field(RuleField f) {
        return fields.get(f);
    }

    public StringProperty idProperty() {
        return field(RuleField.ID);
    }

    /** Field → what is wrong with it, for the messages next to the fields. Empty when the rule is valid. */
    public ObservableMap<RuleField, String> errors() {
        return readOnlyErrors;
    }

    /** Differs from the rule the engine runs (or is new). */
    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty invalidProperty() {
        return invalid.getReadOnlyProperty();
    }

    /** Whether the kind uses a limit and deadband (HH, H, L, LL, rate of change); the form greys them out if not. */
    public ReadOnlyBooleanProperty limitUsedProperty() {
        return limitUsed.getReadOnlyProperty();
    }

    /** The fields as the checker takes them. */
    public AlarmRuleDraft toDraft() {
        return new AlarmRuleDraft(text(RuleField.ID), text(RuleField.PATH), text(RuleField.METRIC),
                text(RuleField.DEVICE_TYPE), text(RuleField.LEVEL), text(RuleField.KIND), text(RuleField.LIMIT),
                text(RuleField.DEADBAND), text(RuleField.ON_DELAY), text(RuleField.OFF_DELAY),
                text(RuleField.PRIORITY), text(RuleField.MESSAGE), text(RuleField.DESCRIPTION));
    }

    /** "Substation/Voltage · node", the match in one line for the table. */
    public String matchSummary() {
        StringBuilder sb = new StringBuilder();
        append(sb, text(RuleField.PATH));
        append(sb, text(RuleField.METRIC));
        if (!text(RuleField.DEVICE_TYPE).isBlank()) {
            append(sb, text(RuleField.DEVICE_TYPE) + "-*");
        }
        append(sb, text(RuleField.LEVEL));
        return sb.toString();
    }

    @Override
    public String toString() {
        return text(RuleField.ID);
    }

    void set(AlarmRuleDraft d) {
        field(RuleField.ID).set(d.id());
        field(RuleField.PATH).set(d.path());
        field(RuleField.METRIC).set(d.metric());
        field(RuleField.DEVICE_TYPE).set(d.deviceType());
        field(RuleField.LEVEL).set(d.level());
        field(RuleField.KIND).set(d.kind());
        field(RuleField.LIMIT).set(d.limit());
        field(RuleField.DEADBAND).set(d.deadband());
        field(RuleField.ON_DELAY).set(d.onDelay());
        field(RuleField.OFF_DELAY).set(d.offDelay());
        field(RuleField.PRIORITY).set(d.priority());
        field(RuleField.MESSAGE).set(d.message());
        field(RuleField.DESCRIPTION).set(d.description());
    }

    void showErrors(Map<RuleField, String> now) {
        errors.keySet().retainAll(now.keySet());
        errors.putAll(now);
        invalid.set(!now.isEmpty());
    }

    void setModified(boolean value) {
        modified.set(value);
    }

    private String text(RuleField f) {
        return Objects.requireNonNullElse(field(f).get(), "");
    }

    private static void append(StringBuilder sb, String part) {
        if (!part.isBlank()) {
            sb.append(sb.isEmpty() ? "" : " \u00B7 ").append(part.strip());
        }
    }

    private static boolean kindNeedsLimit(String kind) {
        try {
            return AlarmKind.valueOf(kind.strip()).needsLimit();
        } catch (RuntimeException e) {
            return true; // unknown kind: keep the fields open, the checker says what is wrong
        }
    }
}
