package org.plurigrid.console.views.overview;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.plurigrid.console.client.telemetry.ChangeSet;
import org.plurigrid.console.client.telemetry.SupergridSummary;
import org.plurigrid.console.client.telemetry.TelemetryStats;
import org.plurigrid.console.views.common.FrameListener;
import org.plurigrid.console.views.points.PointTableViewModel;

/**
 * The Overview's state: supergrid totals and pipeline counters for the tiles, and the live point table. Totals come
 * from the client's {@link SupergridSummary} (the rules of docs/telemetry-conventions.md live there) and are
 * published twice a second: numbers that change 60 times a second cannot be read. Register this one listener with
 * the frame pump; it feeds the table every frame.
 */
public final class OverviewViewModel implements FrameListener {

    static final Duration PUBLISH_PERIOD = Duration.ofMillis(500);

    private final PointTableViewModel points;
    private final InstantSource clock;
    private final Supplier<SupergridSummary> summary;

    private final ReadOnlyDoubleWrapper totalLoadMw = new ReadOnlyDoubleWrapper(this, "totalLoadMw");
    private final ReadOnlyDoubleWrapper generationMw = new ReadOnlyDoubleWrapper(this, "generationMw");
    private final ReadOnlyDoubleWrapper renewableSharePercent = new ReadOnlyDoubleWrapper(this, "renewableSharePercent");
    private final ReadOnlyIntegerWrapper liveEdgeNodes = new ReadOnlyIntegerWrapper(this, "liveEdgeNodes");
    private final ReadOnlyDoubleWrapper messageRate = new ReadOnlyDoubleWrapper(this, "messageRate");
    private final ReadOnlyLongWrapper decodeErrors = new ReadOnlyLongWrapper(this, "decodeErrors");
    private final ReadOnlyStringWrapper decodeErrorDetail = new ReadOnlyStringWrapper(this, "decodeErrorDetail", "none");
    private final ReadOnlyIntegerWrapper pointCount = new ReadOnlyIntegerWrapper(this, "pointCount");
    private final ReadOnlyIntegerWrapper notGoodPoints = new ReadOnlyIntegerWrapper(this, "notGoodPoints");
    private final ReadOnlyBooleanWrapper receiving = new ReadOnlyBooleanWrapper(this, "receiving");

    private TelemetryStats lastStats = TelemetryStats.EMPTY;
    private Instant lastPublish = Instant.MIN;

    /**
     * @param summary the supergrid totals, read at most twice a second on the FX thread (e.g.
     *                {@code TelemetryService::summary}); {@link SupergridSummary#EMPTY} while nothing is known
     */
    public OverviewViewModel(PointTableViewModel points, Supplier<SupergridSummary> summary, InstantSource clock) {
        this.points = Objects.requireNonNull(points, "points");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onFrame(ChangeSet changes) {
        lastStats = changes.stats();
        points.onFrame(changes);
        Instant now = clock.instant();
        if (lastPublish == Instant.MIN || !now.isBefore(lastPublish.plus(PUBLISH_PERIOD))) {
            publish(now);
        }
    }

    private void publish(Instant now) {
        lastPublish = now;
        SupergridSummary s = Objects.requireNonNullElse(summary.get(), SupergridSummary.EMPTY);
        totalLoadMw.set(s.loadKw() / 1000);
        generationMw.set(s.generationKw() / 1000);
        renewableSharePercent.set(s.renewableShare() * 100);
        liveEdgeNodes.set(lastStats.liveNodes());
        messageRate.set(lastStats.messagesPerSecond());
        decodeErrors.set(lastStats.malformedMessages());
        decodeErrorDetail.set(describe(lastStats.decodeErrors()));
        pointCount.set(lastStats.points());
        notGoodPoints.set(lastStats.stalePoints());
        receiving.set(lastStats.messages() > 0);
    }

    static String describe(Map<String, Long> byReason) {
        if (byReason.values().stream().allMatch(n -> n == 0)) {
            return "none";
        }
        return byReason.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(" · "));
    }

    public PointTableViewModel points() {
        return points;
    }

    /** Total load of the supergrid in MW. */
    public ReadOnlyDoubleProperty totalLoadMwProperty() {
        return totalLoadMw.getReadOnlyProperty();
    }

    /** Total generation in MW (PV, wind, discharging batteries). */
    public ReadOnlyDoubleProperty generationMwProperty() {
        return generationMw.getReadOnlyProperty();
    }

    /** (PV + wind) / load in percent, capped at 100. */
    public ReadOnlyDoubleProperty renewableSharePercentProperty() {
        return renewableSharePercent.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty liveEdgeNodesProperty() {
        return liveEdgeNodes.getReadOnlyProperty();
    }

    /** MQTT messages per second received by the pipeline. */
    public ReadOnlyDoubleProperty messageRateProperty() {
        return messageRate.getReadOnlyProperty();
    }

    /** Rejected messages since start, all reasons. */
    public ReadOnlyLongProperty decodeErrorsProperty() {
        return decodeErrors.getReadOnlyProperty();
    }

    /** Rejected messages by reason, e.g. {@code seq-gap 3 · not-protobuf 1}, or {@code none}. */
    public ReadOnlyStringProperty decodeErrorDetailProperty() {
        return decodeErrorDetail.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pointCountProperty() {
        return pointCount.getReadOnlyProperty();
    }

    /** Points whose quality is not GOOD. */
    public ReadOnlyIntegerProperty notGoodPointsProperty() {
        return notGoodPoints.getReadOnlyProperty();
    }

    /** Whether any message has arrived yet. */
    public ReadOnlyBooleanProperty receivingProperty() {
        return receiving.getReadOnlyProperty();
    }
}
