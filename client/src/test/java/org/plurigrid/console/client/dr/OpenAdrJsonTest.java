package org.plurigrid.console.client.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenAdrJsonTest {

    private static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");

    private static DrEvent aCurtailment() {
        return DrEvent.single("ev-1", "prog-groningen", T0, List.of("cg-groningen"), PayloadType.IMPORT_CAPACITY_LIMIT,
                "KW", 250, new IntervalPeriod(T0.plusSeconds(60), Duration.ofMinutes(2), Optional.of(Duration.ofSeconds(30))),
                Optional.of(1));
    }

    @Test
    void exportedEventConformsToTheOpenAdr31EventSchema() {
        String json = OpenAdrJson.write(aCurtailment());

        assertThat(OpenAdrSchema.violations("event", json)).isEmpty();
        assertThat(json).contains("\"objectType\" : \"EVENT\"", "\"programID\" : \"prog-groningen\"",
                "\"randomizeStart\" : \"PT30S\"", "\"objectType\" : \"EVENT_PAYLOAD_DESCRIPTOR\"");
    }

    @Test
    void schemaCheckCatchesAnEventWithoutItsProgram() {
        String broken = OpenAdrJson.write(aCurtailment()).replace("\"programID\" : \"prog-groningen\",", "");

        assertThat(OpenAdrSchema.violations("event", broken)).anySatisfy(m -> assertThat(m).contains("programID"));
    }

    @Test
    void everyPayloadTypeExportsAsAValidEvent() {
        for (PayloadType t : PayloadType.values()) {
            DrEvent e = DrEvent.single("ev-" + t.ordinal(), "p1", T0, List.of("pv-0001"), t, "KW", 1,
                    new IntervalPeriod(T0, Duration.ofMinutes(5)), Optional.empty());
            assertThat(OpenAdrSchema.violations("event", OpenAdrJson.write(e))).as(t.name()).isEmpty();
        }
    }

    @Test
    void eventSurvivesARoundTrip() {
        DrEvent e = aCurtailment();

        assertThat(OpenAdrJson.readEvent(OpenAdrJson.write(e))).isEqualTo(e);
    }

    @Test
    void cancelledEventFollowsTheUserGuideAndStaysValid() {
        DrEvent cancelled = aCurtailment().cancelled(T0.plusSeconds(90));
        String json = OpenAdrJson.write(cancelled);

        assertThat(json).contains("\"start\" : \"0001-01-01T00:00:00Z\"", "\"duration\" : \"PT0S\"");
        assertThat(OpenAdrSchema.violations("event", json)).isEmpty();
        assertThat(OpenAdrJson.readEvent(json).isCancelled()).isTrue();
        assertThat(cancelled.modificationDateTime()).isEqualTo(T0.plusSeconds(90));
    }

    @Test
    void exportedProgramConformsToTheProgramSchema() {
        DrProgram p = new DrProgram("prog-groningen", "Groningen congestion relief", T0, T0, Optional.empty(),
                List.of(new PayloadDescriptor(PayloadType.IMPORT_CAPACITY_LIMIT, "KW")), List.of("cg-groningen"));
        String json = OpenAdrJson.write(p);

        assertThat(OpenAdrSchema.violations("program", json)).isEmpty();
        assertThat(OpenAdrJson.readProgram(json)).isEqualTo(p);
    }

    @Test
    void baselineAndDeltaUsageReportConformsToTheReportSchema() {
        IntervalPeriod minute = new IntervalPeriod(T0, Duration.ofMinutes(1));
        DrReport r = new DrReport("rep-ev-1", "ev-1", "plurigrid-console", "plurigrid-console", Optional.of("ev-1 delivery"), T0, T0,
                List.of(new DrReport.Descriptor(ReportPayloadType.BASELINE, "DIRECT_READ", "KW"),
                        new DrReport.Descriptor(ReportPayloadType.READING, "DIRECT_READ", "KW"),
                        new DrReport.Descriptor(ReportPayloadType.DELTA_USAGE, "DIRECT_READ", "KW")),
                List.of(new DrReport.Resource("load-0001", Optional.of(minute), List.of(new DrInterval(0, Optional.empty(), List.of(
                        ValuesMap.of("BASELINE", 10), ValuesMap.of("READING", 6), ValuesMap.of("DELTA_USAGE", 4)))))));

        assertThat(OpenAdrSchema.violations("report", OpenAdrJson.write(r))).isEmpty();
    }

    @Test
    void importNamesTheFieldThatIsWrong() {
        String json = OpenAdrJson.write(aCurtailment()).replace("\"PT2M\"", "\"two minutes\"");

        assertThatThrownBy(() -> OpenAdrJson.readEvent(json)).isInstanceOf(OpenAdrFormatException.class)
                .hasMessageContaining("intervalPeriod.duration").hasMessageContaining("two minutes");
    }

    @Test
    void importRefusesAnotherObjectType() {
        String program = OpenAdrJson.write(new DrProgram("p", "P", T0, T0, Optional.empty(), List.of(), List.of()));

        assertThatThrownBy(() -> OpenAdrJson.readEvent(program)).hasMessageContaining("\"objectType\": \"EVENT\"");
    }

    @Test
    void readsTheUserGuidesForeverDuration() {
        String json = OpenAdrJson.write(aCurtailment()).replace("\"PT2M\"", "\"P9999Y\"");

        assertThat(OpenAdrJson.readEvent(json).intervalPeriod().orElseThrow().duration()).isEqualTo(Duration.ofDays(9999L * 365));
    }

    @Test
    void deliveryReportCarriesBaselineReadingAndDeltaPerDeviceAndAggregated() {
        DerDevice load = new DerDevice("cg-groningen", "groningen-sub-01", "load-0001");
        Measurement m = new Measurement(50, 12, 5, 7, Duration.ofMinutes(2), java.util.Map.of(load, new double[] {12, 5}));

        DrReport r = DeliveryReport.of("ev-1", "plurigrid-console", m, T0, T0.plusSeconds(120));

        assertThat(OpenAdrSchema.violations("report", OpenAdrJson.write(r))).isEmpty();
        assertThat(r.resources()).extracting(DrReport.Resource::resourceName).containsExactly(DrReport.AGGREGATED, "load-0001");
        assertThat(r.resources().get(1).intervals().getFirst().payloads()).extracting(ValuesMap::type, v -> v.values().getFirst())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BASELINE", 12.0), org.assertj.core.groups.Tuple.tuple("READING", 5.0),
                        org.assertj.core.groups.Tuple.tuple("DELTA_USAGE", 7.0));
    }

    @Test
    void deliveredEnergyOfADeviceIsNeverNegative() {
        DerDevice a = new DerDevice("g", "n", "load-1");
        DerDevice b = new DerDevice("g", "n", "load-2");
        Measurement m = new Measurement(0, 0, 0, 0, Duration.ofHours(1), java.util.Map.of(a, new double[] {10, 4}, b, new double[] {3, 5}));

        assertThat(m.deliveredWh(a)).isEqualTo(6000);
        assertThat(m.deliveredWh(b)).isZero();
    }
}
