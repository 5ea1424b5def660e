package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule that reads a DER's kind from its device id (docs/telemetry-conventions.md). */
class DerTypeTest {

    @Test
    void readsTypeFromDevicePrefixAsInTheTelemetryConventions() {
        assertThat(DerType.fromDeviceId("pv-0001")).contains(DerType.PV);
        assertThat(DerType.fromDeviceId("groningen-sub-03/bat-0007")).contains(DerType.BATTERY);
        assertThat(DerType.fromDeviceId("ev-12")).contains(DerType.EV_CHARGER);
        assertThat(DerType.fromDeviceId("load-3")).contains(DerType.FLEXIBLE_LOAD);
        assertThat(DerType.fromDeviceId("wind")).as("a bare prefix").contains(DerType.WIND);
        assertThat(DerType.fromDeviceId("PV-0001")).as("case does not matter").contains(DerType.PV);
    }

    @Test
    void idsOfNoKnownKindHaveNone() {
        assertThat(DerType.fromDeviceId("heatpump-1")).isEmpty();
        assertThat(DerType.fromDeviceId("pvx-1")).as("the whole prefix must match").isEmpty();
        assertThat(DerType.fromDeviceId("")).isEmpty();
        assertThat(DerType.fromDeviceId(null)).isEmpty();
    }

    @Test
    void everyKindReadsBackFromItsOwnPrefix() {
        for (DerType t : DerType.values()) {
            assertThat(DerType.fromDeviceId(t.prefix() + "-0042")).contains(t);
        }
    }
}
