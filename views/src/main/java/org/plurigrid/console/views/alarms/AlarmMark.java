package org.plurigrid.console.views.alarms;

import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.plurigrid.console.client.alarms.AlarmPriority;

/**
 * An alarm priority coded three ways (ISA-101): a shape, the priority number in it, and the colour — 1 red square,
 * 2 orange diamond, 3 yellow triangle, 4 purple circle. Shapes come from CSS ({@code alarms.css}) and scale in em.
 * Idle marks (nothing of that priority) are grey; flashing is only for unacknowledged alarms.
 */
public final class AlarmMark extends StackPane {

    private static final PseudoClass IDLE = PseudoClass.getPseudoClass("idle");
    private static final PseudoClass DIM = PseudoClass.getPseudoClass("dim");

    private final AlarmPriority priority;

    public AlarmMark(AlarmPriority priority) {
        this.priority = Objects.requireNonNull(priority, "priority");
        getStyleClass().addAll("alarm-mark", "alarm-mark-" + priority.number());
        Region shape = new Region();
        shape.getStyleClass().add("alarm-mark-shape");
        Label number = new Label(Integer.toString(priority.number()));
        number.getStyleClass().add("alarm-mark-number");
        getChildren().addAll(shape, number);
        setAccessibleText(priority.name().toLowerCase(java.util.Locale.ROOT) + " priority");
    }

    public AlarmPriority priority() {
        return priority;
    }

    /** Grey, for a priority with nothing to show. */
    public void setIdle(boolean idle) {
        pseudoClassStateChanged(IDLE, idle);
    }

    /** The off phase of the flash of an unacknowledged alarm. */
    public void setDim(boolean dim) {
        pseudoClassStateChanged(DIM, dim);
    }
}
