package org.plurigrid.console.views.common;

import java.util.List;
import java.util.Objects;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Callback;

/**
 * How table columns share the width: a <em>key</em> column (times, ids, states, values) is never narrower than its
 * widest possible text in the font its cells actually use, so it grows with the display scale and is never cut; a
 * <em>long-text</em> column (sources, messages) gives way, and a cell whose text is cut shows it whole in a tooltip.
 * Call these after the column's own cell factory is set: they wrap it.
 */
public final class ColumnFit {

    /** Room for the cell's padding and the header's sort arrow, in ems of the cell font. */
    private static final double PADDING_EM = 1.4;

    private ColumnFit() {
    }

    /**
     * Keeps {@code column} at least as wide as the widest of {@code samples} (and its own header) in the cells' font.
     * The samples are the longest texts the column can show, e.g. {@code "2026-12-31 23:59:59"} or every state's label.
     */
    public static <S, T> void key(TableColumn<S, T> column, List<String> samples) {
        Objects.requireNonNull(column, "column");
        List<String> texts = List.copyOf(samples);
        Callback<TableColumn<S, T>, TableCell<S, T>> inner = column.getCellFactory();
        column.getStyleClass().add("key-column");
        column.setCellFactory(col -> {
            TableCell<S, T> cell = inner.call(col);
            cell.fontProperty().addListener((o, a, font) -> fit(col, texts, font));
            fit(col, texts, cell.getFont());
            return cell;
        });
        fitToHeader(column, texts);
    }

    /**
     * An empty table creates no cells, so the column also follows its header label's font: the header is never cut,
     * before the first row arrives and after a change of display scale.
     */
    private static void fitToHeader(TableColumn<?, ?> column, List<String> texts) {
        column.tableViewProperty().addListener((o, was, table) -> {
            if (table != null) {
                watchHeaders(table, column, texts);
            }
        });
        if (column.getTableView() != null) {
            watchHeaders(column.getTableView(), column, texts);
        }
    }

    private static void watchHeaders(TableView<?> table, TableColumn<?, ?> column, List<String> texts) {
        table.skinProperty().addListener((o, a, skin) -> followHeaderFont(column, texts));
        // headers may be made after the skin: the first layout (a width) finds them; the marker makes it once
        table.widthProperty().addListener((w, a, b) -> followHeaderFont(column, texts));
        followHeaderFont(column, texts);
    }

    private static void followHeaderFont(TableColumn<?, ?> column, List<String> texts) {
        TableView<?> table = column.getTableView();
        if (table == null) {
            return;
        }
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader header && header.getTableColumn() == column
                    && header.lookup(".label") instanceof Label label
                    && !label.getProperties().containsKey(ColumnFit.class)) {
                label.getProperties().put(ColumnFit.class, Boolean.TRUE);
                label.fontProperty().addListener((o, a, font) -> fit(column, texts, font));
                fit(column, texts, label.getFont());
            }
        }
    }

    /** As {@link #key(TableColumn, List)} with one sample. */
    public static <S, T> void key(TableColumn<S, T> column, String widest) {
        key(column, List.of(widest));
    }

    /**
     * A long-text column: it gives way down to the width of its header, and its cells carry their whole text in a
     * tooltip, so what the width cuts stays readable.
     */
    public static <S, T> void tooltipWhenCut(TableColumn<S, T> column) {
        Callback<TableColumn<S, T>, TableCell<S, T>> inner = column.getCellFactory();
        column.setCellFactory(col -> {
            TableCell<S, T> cell = inner.call(col);
            wholeTextTooltip(cell);
            cell.fontProperty().addListener((o, a, font) -> fit(col, List.of(), font));
            fit(col, List.of(), cell.getFont());
            return cell;
        });
    }

    /**
     * A table whose key columns together need more than its width scrolls sideways instead of hiding the last
     * columns (a constrained policy would push them out of sight with no scroll bar); where they fit, the last column
     * takes the rest. Call after the columns are added.
     */
    public static void scrollWhenNarrow(TableView<?> table) {
        javafx.beans.InvalidationListener check = o -> {
            double needed = 0;
            for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
                needed += c.getMinWidth();
            }
            needed += 24; // the vertical scroll bar and borders
            var policy = needed > table.getWidth() ? TableView.UNCONSTRAINED_RESIZE_POLICY
                    : TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN;
            if (table.getColumnResizePolicy() != policy) {
                table.setColumnResizePolicy(policy);
            }
        };
        table.widthProperty().addListener(check);
        for (TableColumn<?, ?> c : table.getColumns()) {
            c.minWidthProperty().addListener(check);
        }
        check.invalidated(null);
    }

    /** Gives {@code labeled} a tooltip with its whole text whenever it has any (a cut text then stays readable). */
    public static void wholeTextTooltip(Labeled labeled) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(labeled.textProperty());
        labeled.textProperty().addListener((o, a, text) -> labeled.setTooltip(text == null || text.isEmpty() ? null : tip));
        if (labeled.getText() != null && !labeled.getText().isEmpty()) {
            labeled.setTooltip(tip);
        }
    }

    private static void fit(TableColumn<?, ?> column, List<String> samples, Font font) {
        if (font == null) {
            return;
        }
        double width = textWidth(column.getText(), Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()));
        for (String s : samples) {
            width = Math.max(width, textWidth(s, font));
        }
        double needed = Math.ceil(width + PADDING_EM * font.getSize());
        if (column.getMinWidth() == needed) {
            return;
        }
        column.setMinWidth(needed);
        if (!column.isResizable()) {          // a fixed column is exactly as wide as its content
            column.setMaxWidth(needed);
            column.setPrefWidth(needed);
        } else if (column.getPrefWidth() < needed) {
            column.setPrefWidth(needed);
        }
        if (column.getMaxWidth() < needed) {
            column.setMaxWidth(needed);
        }
    }

    /** The width of {@code text} laid out in {@code font}, in pixels. */
    public static double textWidth(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
