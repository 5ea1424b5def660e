package org.plurigrid.console.views.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.plurigrid.console.client.recording.RecordedValue;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.views.common.BackgroundTask;

/**
 * Two periods of one point side by side on a trend: period A from the open recording, period B from the same
 * recording or another one, both drawn against the time since their own start so they overlay. A value holds until
 * the next (report by exception); values that are not GOOD leave a gap. Reads go through {@link ReplayControl} and
 * {@link BackgroundTask}.
 */
public final class TrendComparisonViewModel {

    /** One point of a trend: seconds since the period's start, the value (NaN: a gap). */
    public record Sample(double seconds, double value) {
    }

    private final ReplayControl control;
    private final Executor background;
    private final Executor fx;

    private final StringProperty point = new SimpleStringProperty(this, "point", "");
    private final StringProperty fromA = new SimpleStringProperty(this, "fromA", "");
    private final StringProperty fromB = new SimpleStringProperty(this, "fromB", "");
    private final StringProperty minutes = new SimpleStringProperty(this, "minutes", "10");
    private final StringProperty otherRecording = new SimpleStringProperty(this, "otherRecording", "");
    private final ObservableList<String> points = FXCollections.observableArrayList();
    private final ObservableList<Sample> seriesA = FXCollections.observableArrayList();
    private final ObservableList<Sample> seriesB = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ObservableList<String> pointsView = FXCollections.unmodifiableObservableList(points);
    private final ObservableList<Sample> seriesAView = FXCollections.unmodifiableObservableList(seriesA);
    private final ObservableList<Sample> seriesBView = FXCollections.unmodifiableObservableList(seriesB);
    private List<PointId> recorded = List.of();
    private Instant recordingEnd = Instant.MAX;

    public TrendComparisonViewModel(ReplayControl control, Executor background, Executor fx) {
        this.control = Objects.requireNonNull(control, "control");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /** A recording was opened: its points for the picker; period A at its start, B ten minutes later. */
    public void opened(ReplayRecording r) {
        seriesA.clear();
        seriesB.clear();
        recordingEnd = r.to();
        fromA.set(ReplayViewModel.PERIOD.format(r.from()));
        fromB.set(ReplayViewModel.PERIOD.format(r.from().plus(Duration.ofMinutes(10))));
        BackgroundTask.run(background, fx, control::recordedPoints, o -> {
            switch (o) {
                case BackgroundTask.Outcome.Done<List<PointId>> d -> {
                    recorded = d.value();
                    points.setAll(recorded.stream().map(PointId::path).toList());
                    if (point.get().isBlank() && !recorded.isEmpty()) {
                        point.set(recorded.getFirst().path());
                    }
                }
                case BackgroundTask.Outcome.Failed<List<PointId>> f -> message.set("Cannot list the points: " + f.message());
            }
        });
    }

    /** Back to live: nothing to compare. */
    public void closed() {
        recorded = List.of();
        points.clear();
        seriesA.clear();
        seriesB.clear();
        message.set("");
    }

    /** Reads both periods and draws them over each other. */
    public void compare() {
        Optional<PointId> id = recorded.stream().filter(p -> p.path().equals(point.get().strip())).findFirst();
        if (id.isEmpty()) {
            message.set("Choose a point the recording holds" + (point.get().isBlank() ? "." : ": \"" + point.get().strip() + "\" is not one."));
            return;
        }
        Instant a;
        Instant b;
        Duration length;
        try {
            a = Instant.from(ReplayViewModel.PERIOD.parse(fromA.get().strip()));
            b = Instant.from(ReplayViewModel.PERIOD.parse(fromB.get().strip()));
        } catch (DateTimeParseException e) {
            message.set("Write each start as 2026-12-03 08:00:00 (UTC).");
            return;
        }
        try {
            long m = Long.parseLong(minutes.get().strip());
            if (m < 1 || m > 7 * 24 * 60) {
                throw new NumberFormatException();
            }
            length = Duration.ofMinutes(m);
        } catch (NumberFormatException e) {
            message.set("The length is a whole number of minutes, 1 to 10080 (a week).");
            return;
        }
        Optional<String> other = otherRecording.get().isBlank() ? Optional.empty() : Optional.of(otherRecording.get().strip());
        PointId p = id.get();
        Instant endOfOpen = recordingEnd;
        busy.set(true);
        message.set("Reading " + p.path() + " …");
        BackgroundTask.run(background, fx, () -> List.of(
                samples(control.pointValues(Optional.empty(), p, a, a.plus(length)), a, held(a, length, endOfOpen)),
                samples(control.pointValues(other, p, b, b.plus(length)), b,
                        other.isPresent() ? length : held(b, length, endOfOpen))), o -> {
            busy.set(false);
            switch (o) {
                case BackgroundTask.Outcome.Done<List<List<Sample>>> d -> {
                    seriesA.setAll(d.value().get(0));
                    seriesB.setAll(d.value().get(1));
                    message.set(String.format(Locale.ROOT, "%s · A from %s: %s · B from %s%s: %s", p.path(),
                            ReplayViewModel.PERIOD.format(a), summary(d.value().get(0)), ReplayViewModel.PERIOD.format(b),
                            other.map(f -> " in " + ReplayViewModel.fileName(f)).orElse(""), summary(d.value().get(1))));
                }
                case BackgroundTask.Outcome.Failed<List<List<Sample>>> f -> message.set("Cannot compare: " + f.message());
            }
        });
    }

    /** How long a period's last value is drawn held: to its end, but never past the end of the recording. */
    private static Duration held(Instant start, Duration length, Instant recordingEnd) {
        Duration toEnd = Duration.between(start, recordingEnd);
        return toEnd.isNegative() ? Duration.ZERO : toEnd.compareTo(length) < 0 ? toEnd : length;
    }

    /** The step trend of {@code values} over [start, start + length), seconds from start; not GOOD values are gaps. */
    static List<Sample> samples(List<RecordedValue> values, Instant start, Duration length) {
        List<Sample> out = new ArrayList<>();
        double end = length.toMillis() / 1000.0;
        for (RecordedValue v : values) {
            double t = Math.max(0, (v.receivedMillis() - start.toEpochMilli()) / 1000.0);
            if (t >= end) {
                break;
            }
            out.add(new Sample(t, v.quality() == Quality.GOOD ? v.value() : Double.NaN));
        }
        if (!out.isEmpty()) {
            out.add(new Sample(end, out.getLast().value())); // the last value holds to the end
        }
        return out;
    }

    private static String summary(List<Sample> all) {
        List<Sample> s = all.isEmpty() ? all : all.subList(0, all.size() - 1); // without the held end
        long n = s.stream().filter(x -> !Double.isNaN(x.value())).count();
        if (n == 0) {
            return "no GOOD value";
        }
        double min = s.stream().mapToDouble(Sample::value).filter(v -> !Double.isNaN(v)).min().orElseThrow();
        double max = s.stream().mapToDouble(Sample::value).filter(v -> !Double.isNaN(v)).max().orElseThrow();
        return String.format(Locale.ROOT, "%d value%s, %.3g to %.3g", n, n == 1 ? "" : "s", min, max);
    }

    public StringProperty pointProperty() {
        return point;
    }

    public StringProperty fromAProperty() {
        return fromA;
    }

    public StringProperty fromBProperty() {
        return fromB;
    }

    public StringProperty minutesProperty() {
        return minutes;
    }

    /** A second recording for period B; blank: the open one. */
    public StringProperty otherRecordingProperty() {
        return otherRecording;
    }

    public ObservableList<String> points() {
        return pointsView;
    }

    public ObservableList<Sample> seriesA() {
        return seriesAView;
    }

    public ObservableList<Sample> seriesB() {
        return seriesBView;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
