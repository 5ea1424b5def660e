package org.plurigrid.console.uitests;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * Finds text that the screen shows cut: a {@link Labeled} whose displayed text (its skin's text node) differs from its
 * text, i.e. ends in an ellipsis, and any other {@link Text} node that ends in "..." (a control that cuts its own texts would;
 * a prompt ending in its own "\u2026" is not a cut). A cut text is allowed only where the node shows the whole text in
 * its tooltip (long sources and messages in a table). Only what is visible and lies inside the window counts (rows
 * scrolled away, hidden tabs and empty cells do not). Call on the FX thread.
 */
final class ClippedText {

    /** One cut text: where, what it should say, what it shows. */
    record Clip(String where, String text, String shown) {
        @Override
        public String toString() {
            return where + ": \"" + text + "\" shown as \"" + shown + "\"";
        }
    }

    private ClippedText() {
    }

    /** Every cut text under {@code root} that carries no tooltip with its whole text. */
    static List<Clip> in(Parent root) {
        List<Clip> clips = new ArrayList<>();
        Bounds window = root.localToScene(root.getLayoutBounds());
        walk(root, window, clips);
        return clips;
    }

    private static void walk(Node node, Bounds window, List<Clip> clips) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled) {
            check(labeled, window, clips);
        } else if (node instanceof Text text && !(text.getParent() instanceof Labeled)) {
            String s = text.getText();
            if (s != null && s.endsWith("...") && onScreen(text, window) && !tooltipCovers(text, null)) {
                clips.add(new Clip(describe(text), "?", s));
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, window, clips);
            }
        }
    }

    private static void check(Labeled labeled, Bounds window, List<Clip> clips) {
        String text = labeled.getText();
        if (text == null || text.isEmpty() || !onScreen(labeled, window)) {
            return;
        }
        if (labeled instanceof TableCell<?, ?> cell && (cell.isEmpty() || cell.getTableRow() == null
                || cell.getTableRow().isEmpty())) {
            return;
        }
        String shown = shownText(labeled);
        if (shown == null || shown.equals(text)) {
            return;
        }
        if (tooltipCovers(labeled, text)) {
            return;
        }
        clips.add(new Clip(describe(labeled), text, shown));
    }

    /** The text the skin lays out (LabeledText is the Text child of a Labeled's skin). */
    private static String shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t) {
                return t.getText();
            }
        }
        return null;
    }

    private static boolean tooltipCovers(Node node, String whole) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.Control c && c.getTooltip() != null) {
                Tooltip tip = c.getTooltip();
                return whole == null || (tip.getText() != null && tip.getText().contains(whole));
            }
        }
        return false;
    }

    private static boolean onScreen(Node node, Bounds window) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        return b.getWidth() > 0 && b.getHeight() > 0 && window.intersects(b)
                && b.getMinY() < window.getMaxY() - 1 && b.getMinX() < window.getMaxX() - 1;
    }

    private static String describe(Node node) {
        StringBuilder path = new StringBuilder();
        for (Node n = node; n != null && path.length() < 160; n = n.getParent()) {
            String name = n.getId() != null ? "#" + n.getId()
                    : n.getStyleClass().isEmpty() ? n.getClass().getSimpleName() : "." + n.getStyleClass().getFirst();
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null) {
                name = "cell[" + cell.getTableColumn().getText() + "]";
            }
            path.insert(0, path.isEmpty() ? name : name + " > ");
            if (n.getId() != null && n != node) {
                break;
            }
        }
        return path.toString();
    }
}
