package org.plurigrid.console.client.dr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The measured response of an event as an OpenADR 3.1 report: per device and aggregated, one interval covering the
 * delivery window with {@code BASELINE}, {@code READING} (measured) and {@code DELTA_USAGE} (baseline − measured), kW.
 */
public final class DeliveryReport {

    private DeliveryReport() {
    }

    public static DrReport of(String eventId, String clientName, Measurement m, Instant start, Instant created) {
        IntervalPeriod window = new IntervalPeriod(start, m.elapsed());
        List<DrReport.Resource> resources = new ArrayList<>();
        resources.add(resource(DrReport.AGGREGATED, window, m.baselineKw(), m.measuredKw()));
        m.perDevice().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey(java.util.Comparator.comparing(DerDevice::toString)))
                .forEach(e -> resources.add(resource(e.getKey().device(), window, e.getValue()[0], e.getValue()[1])));
        return new DrReport("rep-" + eventId, eventId, clientName, clientName, Optional.of("Delivery of " + eventId), created, created,
                List.of(new DrReport.Descriptor(ReportPayloadType.BASELINE, "DIRECT_READ", "KW"),
                        new DrReport.Descriptor(ReportPayloadType.READING, "AVERAGE", "KW"),
                        new DrReport.Descriptor(ReportPayloadType.DELTA_USAGE, "AVERAGE", "KW")),
                resources);
    }

    private static DrReport.Resource resource(String name, IntervalPeriod window, double baseline, double measured) {
        return new DrReport.Resource(name, Optional.of(window), List.of(new DrInterval(0, Optional.empty(), List.of(
                ValuesMap.of(ReportPayloadType.BASELINE.name(), round(baseline)),
                ValuesMap.of(ReportPayloadType.READING.name(), round(measured)),
                ValuesMap.of(ReportPayloadType.DELTA_USAGE.name(), round(baseline - measured))))));
    }

    private static double round(double kw) {
        return Math.round(kw * 1000) / 1000.0;
    }
}
