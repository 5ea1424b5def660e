package org.plurigrid.console.maplayers.layers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decluttering for map labels: a label is placed only if its box does not overlap one placed before, so the
 * first (most important) labels win and the map never turns into a smear of text. One instance per frame.
 */
public final class LabelPlacer {

    private static final double CELL = 64;
    private final Map<Long, List<double[]>> cells = new HashMap<>();

    /** Places a box centred horizontally on x with its top at y; false (and nothing recorded) if it would overlap. */
    public boolean tryPlace(double x, double y, double width, double height) {
        double[] box = {x - width / 2, y, x + width / 2, y + height};
        long c0 = (long) Math.floor(box[0] / CELL);
        long c1 = (long) Math.floor(box[2] / CELL);
        long r0 = (long) Math.floor(box[1] / CELL);
        long r1 = (long) Math.floor(box[3] / CELL);
        for (long c = c0; c <= c1; c++) {
            for (long r = r0; r <= r1; r++) {
                for (double[] other : cells.getOrDefault(key(c, r), List.of())) {
                    if (box[0] < other[2] && other[0] < box[2] && box[1] < other[3] && other[1] < box[3]) {
                        return false;
                    }
                }
            }
        }
        for (long c = c0; c <= c1; c++) {
            for (long r = r0; r <= r1; r++) {
                cells.computeIfAbsent(key(c, r), k -> new ArrayList<>()).add(box);
            }
        }
        return true;
    }

    /** Rough width of a label in px for a font size, without measuring text (cheap enough per frame). */
    public static double estimateWidth(String text, double fontSize) {
        return text.length() * fontSize * 0.58 + 4;
    }

    private static long key(long c, long r) {
        return (c << 32) ^ (r & 0xFFFFFFFFL);
    }
}
