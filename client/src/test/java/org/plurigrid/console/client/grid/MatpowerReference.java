package org.plurigrid.console.client.grid;

import com.powsybl.iidm.network.Bus;
import com.powsybl.iidm.network.Network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * MATPOWER's {@code runpf} answer for one case (made by {@code client/src/test/matpower/make-references.m}) and
 * its comparison with the console's solved import: per bus, the voltage magnitude difference in pu and the angle
 * difference in degrees once both are referred to the reference bus of the bus's island (MATPOWER keeps the case's
 * reference angle, OpenLoadFlow puts the slack at 0°).
 */
record MatpowerReference(String caseName, Map<Integer, double[]> buses) {

    static final int TYPE = 0, VM = 1, VA = 2;

    static MatpowerReference read(String caseName, InputStream gzippedCsv) {
        Map<Integer, double[]> buses = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzippedCsv), StandardCharsets.UTF_8))) {
            String line = in.readLine(); // header id,type,vm,va
            while ((line = in.readLine()) != null) {
                String[] c = line.split(",");
                buses.put(Integer.parseInt(c[0]), new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[2]), Double.parseDouble(c[3])});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MatpowerReference(caseName, buses);
    }

    /** Largest differences over the buses MATPOWER solved (type 4, isolated, left out). */
    record Difference(double vmPu, double vaDeg, int worstVmBus, int worstVaBus, int compared) {
        boolean within(double vmTolerance, double vaTolerance) {
            return vmPu <= vmTolerance && vaDeg <= vaTolerance;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.5f pu (bus %d), %.4f° (bus %d) over %d buses",
                    vmPu, worstVmBus, vaDeg, worstVaBus, compared);
        }
    }

    Difference compare(Network solved) {
        // Angle offset per island: the console's angle at the island's reference bus against MATPOWER's.
        Map<Integer, Double> offsetByIsland = new HashMap<>();
        for (Map.Entry<Integer, double[]> e : buses.entrySet()) {
            if (e.getValue()[TYPE] == 3) {
                Bus b = bus(solved, e.getKey());
                if (b != null && !Double.isNaN(b.getAngle())) {
                    offsetByIsland.putIfAbsent(island(b), e.getValue()[VA] - b.getAngle());
                }
            }
        }
        double dv = 0;
        double da = 0;
        int worstV = -1;
        int worstA = -1;
        int compared = 0;
        for (Map.Entry<Integer, double[]> e : buses.entrySet()) {
            double[] ref = e.getValue();
            if (ref[TYPE] == 4) {
                continue;
            }
            Bus b = bus(solved, e.getKey());
            double vm = b == null ? Double.NaN : b.getV() / b.getVoltageLevel().getNominalV();
            Double offset = b == null ? null : offsetByIsland.get(island(b));
            double va = b == null || offset == null ? Double.NaN : b.getAngle() + offset;
            double v = Double.isNaN(vm) ? Double.POSITIVE_INFINITY : Math.abs(vm - ref[VM]);
            double a = Double.isNaN(va) ? Double.POSITIVE_INFINITY : Math.abs(Math.IEEEremainder(va - ref[VA], 360));
            if (v > dv || worstV < 0) {
                dv = v;
                worstV = e.getKey();
            }
            if (a > da || worstA < 0) {
                da = a;
                worstA = e.getKey();
            }
            compared++;
        }
        return new Difference(dv, da, worstV, worstA, compared);
    }

    private static Bus bus(Network n, int id) {
        Bus configured = n.getBusBreakerView().getBus("B" + id);
        return configured == null ? null : configured.getVoltageLevel().getBusView().getMergedBus("B" + id);
    }

    private static int island(Bus b) {
        return b.getSynchronousComponent() == null ? -1 : b.getSynchronousComponent().getNum();
    }
}
