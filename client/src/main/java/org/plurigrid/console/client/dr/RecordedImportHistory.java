package org.plurigrid.console.client.dr;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.plurigrid.console.client.recording.RecordedValue;
import org.plurigrid.console.client.recording.RecordingException;
import org.plurigrid.console.client.recording.RecordingReader;
import org.plurigrid.console.client.recording.RolledRecordings;
import org.plurigrid.console.client.telemetry.PointId;
import org.plurigrid.console.client.telemetry.Quality;

/**
 * A device's past import from a recording: its {@code ActivePower} point ({@code group/node/device/ActivePower}),
 * report by exception (a value holds until the next), time-weighted over the window; values not GOOD (stale, bad,
 * uncertain) interrupt the window instead of counting. The sign follows {@link DerDevice#importKw(double)}.
 */
public final class RecordedImportHistory implements ImportHistory {

    /** The metric every DER publishes its active power in, kW. */
    public static final String ACTIVE_POWER = "ActivePower";

    /** Where a point's recorded values over a span come from: one recording, or a folder of rolled ones. */
    @FunctionalInterface
    public interface Source {
        /** As {@link RecordingReader#pointValues}: the last value at or before {@code from}, then those before {@code to}. */
        List<RecordedValue> pointValues(PointId id, Instant from, Instant to) throws RecordingException;

        /** Done for now: close what was opened (files of a rolled recording); it opens them again when asked. */
        default void release() {
        }
    }

    private final Source reader;

    /** The history in one recording. */
    public RecordedImportHistory(RecordingReader reader) {
        this(reader::pointValues);
    }

    /**
     * The history in a folder of rolled recording files (a console's own); the files opened for one event are closed
     * when it is {@linkplain #release() released}, so days of hourly files are not kept open between events.
     */
    public RecordedImportHistory(RolledRecordings rolled) {
        this(new Source() {
            @Override
            public List<RecordedValue> pointValues(PointId id, Instant from, Instant to) throws RecordingException {
                return rolled.pointValues(id, from, to);
            }

            @Override
            public void release() {
                rolled.closeReaders();
            }
        });
    }

    /** The history in any other source of a point's recorded values. */
    public RecordedImportHistory(Source source) {
        this.reader = java.util.Objects.requireNonNull(source, "source");
    }

    @Override
    public void release() {
        reader.release();
    }

    @Override
    public OptionalDouble meanImportKw(DerDevice d, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return OptionalDouble.empty();
        }
        List<RecordedValue> values;
        try {
            values = reader.pointValues(new PointId(d.group(), d.node(), d.device(), ACTIVE_POWER), from, to);
        } catch (RecordingException e) {
            throw new IllegalStateException("Cannot read the history of " + d + ": " + e.getMessage(), e);
        }
        long f = from.toEpochMilli();
        long t = to.toEpochMilli();
        double area = 0;
        long covered = 0;
        for (int i = 0; i < values.size(); i++) {
            RecordedValue v = values.get(i);
            long a = Math.max(f, v.receivedMillis());
            long b = i + 1 < values.size() ? Math.min(t, values.get(i + 1).receivedMillis()) : t;
            if (b <= a || v.quality() != Quality.GOOD || Double.isNaN(v.value())) {
                continue;
            }
            area += d.importKw(v.value()) * (b - a);
            covered += b - a;
        }
        // a window only partly covered (recording started late, a gap) does not stand for the whole day
        return covered < (t - f) * 0.9 ? OptionalDouble.empty() : OptionalDouble.of(area / covered);
    }
}
