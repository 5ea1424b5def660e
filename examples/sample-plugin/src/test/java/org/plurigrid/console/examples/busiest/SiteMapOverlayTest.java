package org.plurigrid.console.examples.busiest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.assets.AssetRef;
import org.plurigrid.console.client.assets.MapMark;

class SiteMapOverlayTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final SiteReadings readings = new SiteReadings();
    private final SiteMeterDecoder decoder = new SiteMeterDecoder(readings);
    private final SiteMapOverlay overlay = new SiteMapOverlay(SiteRegister.parse(List.of(
            "# id,name,lat,lon,limit", "a,Site A,52.0,5.9,20", "b,Site B,52.1,5.8,20", "c,Site C,52.2,5.7,20",
            "d,Site D,52.3,5.6,20")), readings);

    private void read(String site, double kw, Instant received) {
        decoder.decode("acme/" + site + "/meter", ("1764750000000," + kw).getBytes(StandardCharsets.UTF_8), received);
    }

    @Test
    void eachRegisteredSiteIsMarkedWithItsLastReadingAgainstItsContractLimit() {
        read("a", 12.5, NOW);
        read("b", 19, NOW);
        read("c", 21, NOW);

        List<MapMark> marks = overlay.marks(NOW.plusSeconds(5));

        assertThat(marks).extracting(MapMark::label).containsExactly("Site A: 12.5 kW", "Site B: 19.0 kW", "Site C: 21.0 kW",
                "Site D: no reading yet");
        assertThat(marks).extracting(MapMark::status).containsExactly(MapMark.Status.NORMAL, MapMark.Status.ATTENTION,
                MapMark.Status.ALARM, MapMark.Status.STALE);
        assertThat(marks.getFirst().asset()).contains(new AssetRef(AssetRef.Kind.POINT, "acme/a/Meter/ActivePower"));
    }

    @Test
    void aSiteWithoutAReadingForAMinuteIsStale() {
        read("a", 12.5, NOW);

        assertThat(overlay.marks(NOW.plus(SiteMapOverlay.STALE_AFTER).plusSeconds(1)).getFirst().status())
                .isEqualTo(MapMark.Status.STALE);
    }

    @Test
    void theBundledRegisterIsInTheJar() {
        assertThat(SiteRegister.bundled().sites()).extracting(SiteRegister.Site::id).contains("depot-7");
    }
}
