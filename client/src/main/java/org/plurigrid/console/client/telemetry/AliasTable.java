package org.plurigrid.console.client.telemetry;

import java.util.Arrays;

/**
 * Sparkplug alias → metric binding, with primitive keys so that resolving an alias allocates nothing
 * (aliases above 127 would box to a fresh {@code Long} per lookup in a {@code HashMap}). Open addressing, linear
 * probing; single-threaded like its owner.
 */
final class AliasTable<V> {

    private long[] keys = new long[16];
    private Object[] values = new Object[16];
    private int size;

    @SuppressWarnings("unchecked")
    V get(long alias) {
        int mask = keys.length - 1;
        for (int i = mix(alias) & mask; ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == alias) {
                return (V) v;
            }
        }
    }

    void put(long alias, V value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(alias) & mask; ; i = (i + 1) & mask) {
            if (values[i] == null) {
                keys[i] = alias;
                values[i] = value;
                size++;
                return;
            }
            if (keys[i] == alias) {
                values[i] = value;
                return;
            }
        }
    }

    void clear() {
        Arrays.fill(values, null);
        size = 0;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], (V) oldValues[i]);
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
