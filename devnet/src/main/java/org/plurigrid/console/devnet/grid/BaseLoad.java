package org.plurigrid.console.devnet.grid;

import com.powsybl.iidm.network.Load;
import com.powsybl.iidm.network.Network;

import java.util.Map;
import java.util.TreeMap;

/**
 * The non-DER base load of a community substation: the households, shops and offices behind it that are not fleet
 * devices (lighting, appliances, cooling, pumps). One IIDM load {@code {substation}/base} per substation, without the
 * DER property, with its peak in the property {@value #PEAK_PROPERTY}; its power follows one daily shape by local
 * solar time ({@link #factor}): a night trough at about 45 % of peak, a morning rise, a working-day plateau and the
 * evening peak at 18:30. Deterministic in (peak, hour), so the EMS, the rating planner and replays agree.
 */
public final class BaseLoad {

    /** Property of a base load: its peak, kW. */
    public static final String PEAK_PROPERTY = "base.peakKw";
    /** Suffix of a base load's id after its substation id. */
    public static final String SUFFIX = "/base";
    /** Reactive power of a base load as a share of its active power (power factor about 0.97). */
    public static final double Q_PER_P = 0.25;

    private static final double SHAPE_MAX = maxShape();

    private BaseLoad() {
    }

    public static String id(String substationId) {
        return substationId + SUFFIX;
    }

    /** Share of the peak drawn at local solar {@code hour} (0–24): 0.45 at night, 1.0 at the evening peak. */
    public static double factor(double hour) {
        return shape(hour) / SHAPE_MAX;
    }

    /** The base load of a substation with peak {@code peakKw} at {@code hour}, kW. */
    public static double powerKw(double peakKw, double hour) {
        return peakKw * factor(hour);
    }

    /** The smallest share of the peak over the day. */
    public static double minimumFactor() {
        double min = 1;
        for (int m = 0; m < 24 * 60; m += 5) {
            min = Math.min(min, factor(m / 60.0));
        }
        return min;
    }

    /** Base loads of a network by id, with their peaks in kW. */
    public static Map<String, Double> peaksKw(Network network) {
        Map<String, Double> out = new TreeMap<>();
        for (Load l : network.getLoads()) {
            String peak = l.getProperty(PEAK_PROPERTY, null);
            if (peak != null) {
                out.put(l.getId(), Double.parseDouble(peak));
            }
        }
        return out;
    }

    private static double shape(double hour) {
        double h = ((hour % 24) + 24) % 24;
        return 0.45 + 0.15 * bump(h, 7.5, 1.3) + 0.25 * day(h, 7.5, 17.5) + 0.40 * bump(h, 18.5, 1.9);
    }

    private static double maxShape() {
        double max = 0;
        for (int m = 0; m < 24 * 60; m++) {
            max = Math.max(max, shape(m / 60.0));
        }
        return max;
    }

    private static double bump(double hour, double centre, double width) {
        double d = Math.abs(hour - centre);
        d = Math.min(d, 24 - d);
        return Math.exp(-0.5 * (d / width) * (d / width));
    }

    private static double day(double hour, double start, double end) {
        return 1 / (1 + Math.exp(-(hour - start) * 2)) / (1 + Math.exp((hour - end) * 2));
    }
}
