package org.plurigrid.console.devnet.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FleetSimulationTest {

    /** Local midnight in the Netherlands in June (about 23:40 UTC solar midnight). */
    private static final Instant SUMMER_MIDNIGHT = Instant.parse("2026-06-20T23:30:00Z");
    private static final Instant SUMMER_NOON = Instant.parse("2026-06-21T11:40:00Z");

    @Test
    void defaultFleetSpreadsAtLeast360DevicesOverSixGridsWithSeveralSubstationsEach() {
        FleetSimulation sim = FleetSimulation.create(FleetConfig.DEFAULT_DEVICES, 1);

        assertThat(sim.deviceCount()).isGreaterThanOrEqualTo(360);
        Map<String, Long> substationsPerGrid = sim.substations().stream()
                .collect(Collectors.groupingBy(s -> s.grid().id(), Collectors.counting()));
        assertThat(substationsPerGrid).hasSize(6).allSatisfy((grid, count) -> assertThat(count).isGreaterThan(2));
        assertThat(sim.substations()).allSatisfy(s ->
                assertThat(s.nodeId()).matches(s.grid().shortName() + "-sub-\\d{2}"));
        Set<DeviceType> types = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Substation s : sim.substations()) {
            for (SimulatedDevice d : s.devices()) {
                assertThat(d.id()).matches("(pv|bat|ev|load|wind)-\\d{4}");
                assertThat(DeviceType.ofDeviceId(d.id())).isEqualTo(d.type());
                types.add(d.type());
                ids.add(d.id());
            }
        }
        assertThat(types).containsExactlyInAnyOrder(DeviceType.values());
        assertThat(ids).as("device ids are unique across the fleet").hasSize(sim.deviceCount());
    }

    @Test
    void pvProducesNothingAtNightAndSomethingAtNoon() {
        FleetSimulation sim = FleetSimulation.create(360, 7);
        sim.step(SUMMER_MIDNIGHT);
        sim.step(SUMMER_MIDNIGHT.plusSeconds(60));
        List<PvSystem> pv = devices(sim, PvSystem.class);
        assertThat(pv).isNotEmpty().allSatisfy(p -> {
            assertThat(p.activePowerKw()).isZero();
            assertThat(p.irradiance()).isZero();
        });

        sim.step(SUMMER_NOON);
        sim.step(SUMMER_NOON.plusSeconds(60));
        assertThat(pv).allSatisfy(p -> assertThat(p.activePowerKw()).isBetween(0.0, p.capacity()));
        double total = pv.stream().mapToDouble(PvSystem::activePowerKw).sum();
        double capacity = pv.stream().mapToDouble(PvSystem::capacity).sum();
        assertThat(total / capacity).as("fleet PV capacity factor at midsummer noon").isBetween(0.1, 1.0);
    }

    @Test
    void batteryStateOfChargeStaysWithinBoundsOverTwoDays() {
        FleetSimulation sim = FleetSimulation.create(360, 11);
        List<Battery> batteries = devices(sim, Battery.class);
        assertThat(batteries).isNotEmpty();
        double minSoc = 100;
        double maxSoc = 0;
        Instant t = SUMMER_NOON;
        for (int i = 0; i <= 2 * 24 * 12; i++, t = t.plus(Duration.ofMinutes(5))) {
            sim.step(t);
            for (Battery b : batteries) {
                assertThat(b.stateOfCharge()).isBetween(0.0, 100.0);
                assertThat(Math.abs(b.activePowerKw())).isLessThanOrEqualTo(b.maxPowerKw() + 1e-9);
                minSoc = Math.min(minSoc, b.stateOfCharge());
                maxSoc = Math.max(maxSoc, b.stateOfCharge());
            }
        }
        assertThat(minSoc).as("batteries keep their reserve").isGreaterThanOrEqualTo(Battery.RESERVE_PERCENT - 1e-6);
        assertThat(maxSoc - minSoc).as("batteries actually cycle").isGreaterThan(20);
    }

    @Test
    void substationActivePowerIsTheNetSumOfItsDevices() {
        FleetSimulation sim = FleetSimulation.create(360, 3);
        sim.step(SUMMER_NOON);
        sim.step(SUMMER_NOON.plusSeconds(30));
        for (Substation s : sim.substations()) {
            double sum = 0;
            for (SimulatedDevice d : s.devices()) {
                double p = d.activePowerKw();
                sum += switch (d.type()) {
                    case LOAD, EV -> p;
                    case PV, WIND -> -p;
                    case BAT -> -p;
                };
            }
            assertThat(s.activePowerKw()).as(s.nodeId()).isCloseTo(sum, within(1e-6));
        }
    }

    @Test
    void voltageSagsWithImportAndRisesWithExport() {
        FleetSimulation sim = FleetSimulation.create(360, 5);
        Instant t = SUMMER_NOON;
        for (int i = 0; i < 48; i++, t = t.plus(Duration.ofMinutes(30))) {
            sim.step(t);
            for (Substation s : sim.substations()) {
                double loading = s.activePowerKw() / s.ratingKw();
                assertThat(s.voltagePu()).isBetween(0.85, 1.15);
                if (loading > 0.4) {
                    assertThat(s.voltagePu()).as("sag at %.2f of rating", loading).isLessThan(1.025);
                } else if (loading < -0.4) {
                    assertThat(s.voltagePu()).as("rise at %.2f of rating", loading).isGreaterThan(1.025);
                }
            }
        }
    }

    @Test
    void evChargersDrawPowerOnlyWhileConnectedAndSessionsComeAndGo() {
        FleetSimulation sim = FleetSimulation.create(600, 9);
        List<EvCharger> evs = devices(sim, EvCharger.class);
        int plugIns = 0;
        int plugOuts = 0;
        boolean[] was = new boolean[evs.size()];
        Instant t = SUMMER_NOON;
        for (int i = 0; i < 24 * 12; i++, t = t.plus(Duration.ofMinutes(5))) {
            sim.step(t);
            for (int k = 0; k < evs.size(); k++) {
                EvCharger ev = evs.get(k);
                if (!ev.isConnected()) {
                    assertThat(ev.activePowerKw()).isZero();
                }
                assertThat(ev.activePowerKw()).isBetween(0.0, ev.capacity());
                if (i > 0 && ev.isConnected() != was[k]) {
                    if (ev.isConnected()) {
                        plugIns++;
                    } else {
                        plugOuts++;
                    }
                }
                was[k] = ev.isConnected();
            }
        }
        assertThat(plugIns).isGreaterThan(evs.size() / 2);
        assertThat(plugOuts).isGreaterThan(evs.size() / 2);
    }

    @Test
    void windFollowsThePowerCurve() {
        assertThat(WindTurbine.powerCurve(2.0)).isZero();
        assertThat(WindTurbine.powerCurve(8.0)).isBetween(0.1, 0.5);
        assertThat(WindTurbine.powerCurve(14.0)).isEqualTo(1.0);
        assertThat(WindTurbine.powerCurve(26.0)).as("cut-out").isZero();
    }

    @Test
    void sameSeedGivesTheSameFleetAndValues() {
        assertThat(trace(FleetSimulation.create(360, 99))).isEqualTo(trace(FleetSimulation.create(360, 99)));
    }

    @Test
    void differentSeedGivesDifferentValues() {
        assertThat(trace(FleetSimulation.create(360, 99))).isNotEqualTo(trace(FleetSimulation.create(360, 100)));
    }

    @Test
    void scalesToTwentyThousandDevices() {
        FleetSimulation sim = FleetSimulation.create(20_000, 1);
        assertThat(sim.deviceCount()).isEqualTo(20_000);
        assertThat(sim.substations()).hasSizeLessThanOrEqualTo(6 * 16);
        sim.step(SUMMER_NOON);
        long t0 = System.nanoTime();
        for (int i = 1; i <= 10; i++) {
            sim.step(SUMMER_NOON.plusSeconds(i));
        }
        long perStepMicros = (System.nanoTime() - t0) / 10_000;
        // Not a timing assertion (shared CI machine); printed for the record.
        System.out.println("20,000-device physics step: " + perStepMicros + " us");
        assertThat(sim.substations().stream().mapToDouble(Substation::activePowerKw).sum()).isFinite();
    }

    private static List<Double> trace(FleetSimulation sim) {
        List<Double> out = new ArrayList<>();
        Instant t = SUMMER_NOON;
        for (int i = 0; i < 20; i++, t = t.plusSeconds(60)) {
            sim.step(t);
        }
        for (Substation s : sim.substations()) {
            out.add(s.activePowerKw());
            out.add(s.voltagePu());
            for (SimulatedDevice d : s.devices()) {
                for (int m = 0; m < d.type().metrics().size(); m++) {
                    out.add(d.value(m));
                }
            }
        }
        return out;
    }

    private static <T extends SimulatedDevice> List<T> devices(FleetSimulation sim, Class<T> kind) {
        return sim.substations().stream().flatMap(s -> s.devices().stream())
                .filter(kind::isInstance).map(kind::cast).map(Function.<T>identity()).toList();
    }
}
