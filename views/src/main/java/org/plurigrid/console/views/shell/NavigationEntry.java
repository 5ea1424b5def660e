package org.plurigrid.console.views.shell;

import java.util.Objects;
import java.util.function.Supplier;

import javafx.scene.Node;

/**
 * One destination of the navigation rail: a stable id (used for node ids and tests, e.g. {@code overview}), the
 * title the operator reads, and how to build its view. The view is built once, the first time it is shown.
 */
public record NavigationEntry(String id, String title, Supplier<? extends Node> view) {

    public NavigationEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(view, "view");
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("navigation id must be lower-case letters, digits and dashes: '" + id + "'");
        }
        if (title.isBlank()) {
            throw new IllegalArgumentException("navigation title must not be blank (id " + id + ")");
        }
    }

    /** An entry whose view is not built yet: a calm placeholder saying what is coming. */
    public static NavigationEntry placeholder(String id, String title, String whatIsComing) {
        return new NavigationEntry(id, title, () -> new PlaceholderView(title, whatIsComing));
    }
}
