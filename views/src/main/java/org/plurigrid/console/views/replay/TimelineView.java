package org.plurigrid.console.views.replay;

import java.time.Duration;
import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The recording as a bar, with three lanes of markers (alarms raised, operator actions, chain transactions) and the
 * play head. Click or drag to scrub: the head follows the pointer and the recording is sought on release. Markers are
 * nodes styled by CSS (the theme's alarm priority colours); the app bounds how many there are.
 */
public final class TimelineView extends Region {

    private static final int LANES = TimelineMarker.Kind.values().length;

    private final ReplayViewModel vm;
    private final Rectangle track = new Rectangle();
    private final Group marks = new Group();
    private final Line head = new Line();
    private boolean dragging;
    private double dragX;

    public TimelineView(ReplayViewModel vm) {
        this.vm = vm;
        getStyleClass().add("replay-timeline");
        setId("replay-timeline");
        track.getStyleClass().add("timeline-track");
        head.getStyleClass().add("timeline-head");
        head.setManaged(false);
        track.setManaged(false);
        marks.setManaged(false);
        getChildren().addAll(track, marks, head);
        vm.markers().addListener((ListChangeListener<TimelineMarker>) c -> requestLayout());
        vm.positionProperty().addListener((o, a, b) -> placeHead());
        vm.replayingProperty().addListener((o, a, b) -> requestLayout());
        setOnMousePressed(this::drag);
        setOnMouseDragged(this::drag);
        setOnMouseReleased(e -> {
            if (dragging) {
                dragging = false;
                vm.seekFraction(fraction(e.getX()));
            }
        });
        Tooltip.install(this, new Tooltip("Alarms raised (top), operator actions (middle), chain transactions "
                + "(bottom). Click or drag to move the play head."));
    }

    private void drag(MouseEvent e) {
        if (!vm.replayingProperty().get()) {
            return;
        }
        dragging = true;
        dragX = Math.max(0, Math.min(getWidth(), e.getX()));
        placeHead();
    }

    private double fraction(double x) {
        double w = getWidth();
        return w <= 0 ? 0 : Math.max(0, Math.min(1, x / w));
    }

    @Override
    protected double computePrefHeight(double width) {
        return getInsets().getTop() + getInsets().getBottom() + 4.5 * em();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    private double em() {
        return javafx.scene.text.Font.getDefault().getSize();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        track.setX(0);
        track.setY(0);
        track.setWidth(w);
        track.setHeight(h);
        ReplayRecording r = vm.recordingProperty().get();
        List<TimelineMarker> list = vm.markers();
        marks.getChildren().clear();
        if (r != null && w > 0) {
            long span = Math.max(1, Duration.between(r.from(), r.to()).toMillis());
            double lane = h / LANES;
            for (TimelineMarker m : list) {
                double x = Math.floor(w * Duration.between(r.from(), m.time()).toMillis() / (double) span);
                Rectangle mark = new Rectangle(Math.max(0, Math.min(w - 2, x)), lane * m.kind().ordinal() + 2, 2,
                        lane - 4);
                mark.getStyleClass().addAll("timeline-marker", "timeline-" + m.kind().name().toLowerCase(java.util.Locale.ROOT));
                if (m.kind() == TimelineMarker.Kind.ALARM && m.priority() >= 1 && m.priority() <= 4) {
                    mark.getStyleClass().add("priority-" + m.priority());
                }
                marks.getChildren().add(mark);
            }
        }
        placeHead();
    }

    private void placeHead() {
        double x = dragging ? dragX : vm.positionProperty().get() * getWidth();
        head.setStartX(x);
        head.setEndX(x);
        head.setStartY(0);
        head.setEndY(getHeight());
        head.setVisible(vm.replayingProperty().get());
    }
}
