package org.plurigrid.console.views.governance;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.plurigrid.console.client.governance.VoteOption;
import org.plurigrid.console.client.governance.WeightedVote;

/** The weighted-vote editor: one decimal typed per option, checked as it is typed (the weights must sum to exactly 1). */
public final class WeightedVoteEditor {

    private final Map<VoteOption, StringProperty> weights = new EnumMap<>(VoteOption.class);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);

    public WeightedVoteEditor() {
        for (VoteOption o : VoteOption.values()) {
            StringProperty p = new SimpleStringProperty(this, o.typedName(), "");
            p.addListener((obs, was, now) -> validate());
            weights.put(o, p);
        }
        validate();
    }

    /** The four options in the order the screen lists them. */
    public static List<VoteOption> options() {
        return List.of(VoteOption.values());
    }

    /** The weight typed for {@code option} ("" = not part of the split). */
    public StringProperty weightProperty(VoteOption option) {
        return weights.get(option);
    }

    /** "" when nothing is typed, the problem, or "Weights sum to 1". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The split typed, if it is a valid one. */
    public Optional<WeightedVote> vote() {
        try {
            return Optional.of(parse());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void validate() {
        if (weights.values().stream().allMatch(p -> p.get().isBlank())) {
            message.set("");
            valid.set(false);
            return;
        }
        try {
            parse();
            message.set("Weights sum to 1");
            valid.set(true);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            valid.set(false);
        }
    }

    private WeightedVote parse() {
        Map<VoteOption, BigDecimal> m = new EnumMap<>(VoteOption.class);
        for (VoteOption o : VoteOption.values()) {
            String text = weights.get(o).get().strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                m.put(o, new BigDecimal(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Weight of " + o.label() + " is not a decimal number: '" + text + "'", e);
            }
        }
        return new WeightedVote(m);
    }
}
