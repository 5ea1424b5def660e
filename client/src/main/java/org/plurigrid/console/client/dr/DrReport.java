package org.plurigrid.console.client.dr;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenADR 3.1 {@code report}: what resources did during an event, per interval ({@code READING}, {@code BASELINE},
 * {@code DELTA_USAGE} here), with report payload descriptors saying the units.
 */
public record DrReport(
        String id,
        String eventId,
        String clientId,
        String clientName,
        Optional<String> reportName,
        Instant createdDateTime,
        Instant modificationDateTime,
        List<Descriptor> payloadDescriptors,
        List<Resource> resources) {

    public DrReport {
        DrEvent.requireObjectId(id, "report id");
        DrEvent.requireObjectId(eventId, "eventID");
        if (clientName == null || clientName.isEmpty() || clientName.length() > 128) {
            throw new IllegalArgumentException("clientName must be 1 to 128 characters, was '" + clientName + "'");
        }
        if (clientId == null || clientId.isEmpty() || clientId.length() > 128) {
            throw new IllegalArgumentException("clientID must be 1 to 128 characters, was '" + clientId + "'");
        }
        Objects.requireNonNull(reportName, "reportName");
        Objects.requireNonNull(createdDateTime, "createdDateTime");
        Objects.requireNonNull(modificationDateTime, "modificationDateTime");
        payloadDescriptors = List.copyOf(payloadDescriptors);
        resources = List.copyOf(resources);
    }

    /** {@code reportPayloadDescriptor} ({@code objectType} REPORT_PAYLOAD_DESCRIPTOR). */
    public record Descriptor(ReportPayloadType payloadType, String readingType, String units) {
        public Descriptor {
            Objects.requireNonNull(payloadType, "payloadType");
        }
    }

    /** Report data of one resource (a device, or {@code AGGREGATED_REPORT}). */
    public record Resource(String resourceName, Optional<IntervalPeriod> intervalPeriod, List<DrInterval> intervals) {
        public Resource {
            if (resourceName == null || resourceName.isEmpty() || resourceName.length() > 128) {
                throw new IllegalArgumentException("resourceName must be 1 to 128 characters, was '" + resourceName + "'");
            }
            Objects.requireNonNull(intervalPeriod, "intervalPeriod");
            intervals = List.copyOf(intervals);
        }
    }

    /** The resource name OpenADR reserves for data aggregated over several resources. */
    public static final String AGGREGATED = "AGGREGATED_REPORT";
}
