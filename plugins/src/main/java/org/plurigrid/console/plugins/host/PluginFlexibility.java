package org.plurigrid.console.plugins.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.plurigrid.console.client.dr.DerDevice;
import org.plurigrid.console.client.dr.DrDeviceTracker;
import org.plurigrid.console.client.dr.FlexibilityProvider;
import org.plurigrid.console.plugins.spi.ConsolePlugin;

/**
 * A plugin's demand-response flexibility providers as the DR service calls them: each behind the plugin's
 * {@link PluginGuard}, named {@code pluginId/providerName}, every estimate of a target's devices made on
 * {@code workers} within a time limit. A provider that throws, overruns, returns nothing or estimates a value that is
 * not a number ≥ 0 kW disables its plugin; from then on it knows no device, so the console's own estimates apply.
 */
public final class PluginFlexibility {

    private PluginFlexibility() {
    }

    /** The plugin's providers, asked for once; none if asking throws or lists a null (the plugin is then disabled). */
    public static List<FlexibilityProvider> of(ConsolePlugin plugin, PluginGuard guard, ExecutorService workers,
                                               Duration limit) {
        List<FlexibilityProvider> declared = guard.call("listing its flexibility providers", plugin::flexibilityProviders)
                .orElse(List.of());
        List<FlexibilityProvider> out = new ArrayList<>();
        for (FlexibilityProvider p : declared) {
            if (p == null) {
                guard.disable("listed a null flexibility provider", null);
                return List.of();
            }
            java.util.Optional<String> name = guard.call("naming a flexibility provider", p::name);
            if (name.isEmpty() || name.get().isBlank()) {
                guard.disable("listed a flexibility provider without a name", null);
                return List.of();
            }
            out.add(new Guarded(guard.info().id() + "/" + name.get().strip(), p, guard, workers, limit));
        }
        return List.copyOf(out);
    }

    private record Guarded(String name, FlexibilityProvider plugin, PluginGuard guard, ExecutorService workers,
                           Duration limit) implements FlexibilityProvider {
        Guarded {
            Objects.requireNonNull(plugin, "plugin");
            Objects.requireNonNull(workers, "workers");
        }

        @Override
        public OptionalDouble reductionKw(DrDeviceTracker.DeviceReading reading) {
            Double kw = estimates(List.of(reading)).get(reading.device());
            return kw == null ? OptionalDouble.empty() : OptionalDouble.of(kw);
        }

        @Override
        public Map<DerDevice, Double> estimates(List<DrDeviceTracker.DeviceReading> readings) {
            if (!guard.active() || readings.isEmpty()) {
                return Map.of();
            }
            Future<Map<DerDevice, Double>> f = workers.submit(() -> plugin.estimates(readings));
            Map<DerDevice, Double> estimates;
            try {
                estimates = f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                guard.disable("took longer than " + limit.toMillis() + " ms to estimate the flexibility of "
                        + readings.size() + " devices in '" + name + "'", null);
                return Map.of();
            } catch (InterruptedException e) {
                f.cancel(true);
                Thread.currentThread().interrupt();
                return Map.of();
            } catch (ExecutionException e) {
                Throwable why = e.getCause() == null ? e : e.getCause();
                guard.disable("threw " + why.getClass().getSimpleName() + " while estimating flexibility in '" + name
                        + "'" + (why.getMessage() == null ? "" : ": " + why.getMessage()), why);
                return Map.of();
            }
            if (estimates == null) {
                guard.disable("returned no estimates from '" + name + "'", null);
                return Map.of();
            }
            for (Map.Entry<DerDevice, Double> e : estimates.entrySet()) {
                Double kw = e.getValue();
                if (kw == null || !Double.isFinite(kw) || kw < 0) {
                    guard.disable("estimated " + kw + " kW of flexibility for " + e.getKey() + " in '" + name
                            + "' (a number ≥ 0 is expected)", null);
                    return Map.of();
                }
            }
            return Map.copyOf(estimates);
        }
    }
}
