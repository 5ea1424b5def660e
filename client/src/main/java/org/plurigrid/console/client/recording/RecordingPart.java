package org.plurigrid.console.client.recording;

import java.util.ArrayList;
import java.util.List;

/**
 * One pair of value and snapshot tables of a recording. A format 2 DuckDB file has one part per UTC hour (plus, when
 * an older file was continued, its original tables as the first part); a format 1 recording is one part over the
 * plain {@code point_values} and {@code snapshots}. Parts follow each other in sequence and receive time: part i
 * holds the values numbered from {@code fromSeq} up to the next part's, the first received at {@code fromMs}.
 *
 * @param hourMs start of the UTC hour of the part, {@link Long#MIN_VALUE} for a whole older recording
 */
record RecordingPart(String valuesTable, String snapshotsTable, long hourMs, long fromSeq, long fromMs) {

    /** The single part of a format 1 recording. */
    static final RecordingPart FLAT =
            new RecordingPart("point_values", "snapshots", Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);

    /** The part holding the snapshot numbered {@code snapSeq}: the last one begun at or before it. */
    static int holdingSnapshot(List<RecordingPart> parts, long snapSeq) {
        int found = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).fromSeq() <= snapSeq) {
                found = i;
            }
        }
        return found;
    }

    /**
     * The parts that can hold values numbered after {@code afterSeq} and received at or before {@code toMs}: from
     * the part holding {@code afterSeq + 1} to the last one begun by {@code toMs}.
     */
    static List<RecordingPart> after(List<RecordingPart> parts, long afterSeq, long toMs) {
        List<RecordingPart> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            RecordingPart p = parts.get(i);
            boolean endsBefore = i + 1 < parts.size() && parts.get(i + 1).fromSeq() <= afterSeq + 1;
            if (!endsBefore && p.fromMs() <= toMs) {
                out.add(p);
            }
        }
        return out;
    }

    /** The parts that can hold values received in (fromMs, toMs], in order. */
    static List<RecordingPart> receivedIn(List<RecordingPart> parts, long fromMs, long toMs) {
        List<RecordingPart> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            RecordingPart p = parts.get(i);
            // Receive times never go back along the sequence: a part holds nothing received after the next one began.
            boolean endsBefore = i + 1 < parts.size() && parts.get(i + 1).fromMs() <= fromMs;
            if (!endsBefore && p.fromMs() <= toMs) {
                out.add(p);
            }
        }
        return out;
    }
}
