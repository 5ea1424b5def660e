package org.plurigrid.console.client.dr;

import java.util.Objects;

/** OpenADR 3.1 {@code eventPayloadDescriptor} ({@code objectType} EVENT_PAYLOAD_DESCRIPTOR): what a payload's values mean. */
public record PayloadDescriptor(PayloadType payloadType, String units) {
    public PayloadDescriptor {
        Objects.requireNonNull(payloadType, "payloadType");
    }
}
