package org.plurigrid.console.client.dr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * An estimate of the import reduction a device could give now, from a source that knows it better than the console's
 * own rule of thumb (an aggregator's model of its heat pumps, a vendor's flexibility forecast), or for a kind of device
 * the console has no rule for. Where a provider knows a device, its estimate replaces the console's in the flexibility
 * shown, in proposals and in the share of a dispatch the device is asked for; where it does not (empty), the console's
 * own applies. Generators (PV, wind) are not asked: their flexibility is what they produce.
 *
 * <p>Called off the FX thread, for every device of a target in one go, when flexibility is shown or a dispatch is
 * planned: it must be quick and must not block (it reads what it already knows).
 */
public interface FlexibilityProvider {

    /** A short name for logs and the operator's messages. */
    String name();

    /**
     * The import reduction (kW, ≥ 0) {@code reading}'s device could give now, or empty when this provider does not know
     * the device.
     */
    OptionalDouble reductionKw(DrDeviceTracker.DeviceReading reading);

    /** The estimates for many devices at once: those it knows, kW by device. The console calls this one. */
    default Map<DerDevice, Double> estimates(List<DrDeviceTracker.DeviceReading> readings) {
        Map<DerDevice, Double> out = new HashMap<>();
        for (DrDeviceTracker.DeviceReading r : readings) {
            OptionalDouble kw = reductionKw(r);
            if (kw.isPresent()) {
                out.put(r.device(), kw.getAsDouble());
            }
        }
        return out;
    }
}
