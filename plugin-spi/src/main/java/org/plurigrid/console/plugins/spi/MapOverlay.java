package org.plurigrid.console.plugins.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.plurigrid.console.client.assets.MapMark;

/**
 * A layer of marks a plugin adds to the supergrid map (its meters, crews in the field, a weather warning's towns),
 * with a switch of its own in the map's legend. The console asks for the marks every {@link #refresh()}, off the FX
 * thread, within {@link PluginApi#OVERLAY_LIMIT}, and draws them in its palette; clicking a mark shows it (or selects
 * the asset it stands for), and its context menu offers the asset actions that apply to it. Since API 1.3.
 */
public interface MapOverlay {

    /** Id within the plugin: lower-case letters, digits and dashes. */
    String id();

    /** The legend switch's text, e.g. "ACME meters". */
    String title();

    /** How often to ask for the marks again; at least {@link PluginApi#OVERLAY_MIN_REFRESH}. */
    default Duration refresh() {
        return Duration.ofSeconds(5);
    }

    /**
     * The marks now ({@code now} from the console's clock, which replay moves), at most
     * {@link PluginApi#OVERLAY_MAX_MARKS}; ids unique within the overlay. Must not block: read what the plugin already
     * knows (from its decoders, say).
     */
    List<MapMark> marks(Instant now);
}
