package org.plurigrid.console.views.common;

import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.control.Label;
import javafx.css.PseudoClass;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * An alarm priority coded three ways so nobody depends on colour alone: a shape, the priority number inside it and
 * the colour (1 critical red square, 2 high orange diamond, 3 medium yellow triangle, 4 low purple circle), followed
 * by a count. With a count of zero the badge is drawn in grey: colour appears only when something is abnormal.
 */
public final class PriorityBadge extends HBox {

    /** The four alarm priorities in ISA-18.2 order, with their shape and name. */
    public enum Priority {
        CRITICAL(1, "critical"), HIGH(2, "high"), MEDIUM(3, "medium"), LOW(4, "low");

        private final int number;
        private final String label;

        Priority(int number, String label) {
            this.number = number;
            this.label = label;
        }

        public int number() {
            return number;
        }

        public String label() {
            return label;
        }
    }

    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");

    private final Label count = new Label("0");

    public PriorityBadge(Priority priority, ObservableIntegerValue value) {
        getStyleClass().addAll("priority-badge", "priority-" + priority.label());
        // The shape is a CSS -fx-shape on a Region sized in em, so it scales with the console's font scale.
        Region shape = new Region();
        shape.getStyleClass().add("priority-shape");
        Label number = new Label(Integer.toString(priority.number()));
        number.getStyleClass().add("priority-number");
        StackPane symbol = new StackPane(shape, number);
        symbol.getStyleClass().add("priority-symbol");
        count.getStyleClass().add("priority-count");
        count.textProperty().bind(javafx.beans.binding.Bindings.convert(value));
        value.addListener((obs, old, now) -> updateActive(now.intValue()));
        updateActive(value.get());
        getChildren().addAll(symbol, count);
        setId("alarm-count-" + priority.label());
        setAccessibleText(priority.label() + " priority alarms");
    }

    private void updateActive(int value) {
        pseudoClassStateChanged(ACTIVE, value > 0);
    }

    /** The count text as shown, for tests. */
    public String countText() {
        return count.getText();
    }

}
