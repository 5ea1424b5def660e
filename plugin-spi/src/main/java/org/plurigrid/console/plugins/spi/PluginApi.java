package org.plurigrid.console.plugins.spi;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of this SPI and the rule by which the console accepts a plugin built against another one: the same
 * major version and a minor version no newer than the console's (a plugin may use only what the console has).
 * A plugin jar declares the version it was compiled against in its manifest:
 * {@code Plurigrid-Plugin-Api: 1.1}.
 *
 * <p>1.0: a view in the navigation rail. 1.1: {@link ConsolePlugin#hasView()} and
 * {@link ConsolePlugin#decoders()} (telemetry decoders), {@link ConsolePlugin#assetActions()}. 1.2:
 * {@link ConsolePlugin#alarmRules()} (alarm rule sources). 1.3: {@link ConsolePlugin#flexibilityProviders()}
 * (demand-response flexibility providers),
 * {@link ConsolePlugin#mapOverlays()} (map layers). 1.4: {@link PluginContext#config()} (the plugin's section of
 * {@code console.json}) and {@link ConsolePlugin#decoders(PluginContext)}; decoders may read several topic filters
 * ({@code TopicDecoder.filters()}), name their points' expected period ({@code TopicDecoder.expectedPeriod}) and report
 * problems with parts of a message beside the points they read ({@code TopicDecoder.Decoded.Points#problems()}).
 */
public final class PluginApi {

    public static final int MAJOR = 1;
    public static final int MINOR = 4;
    public static final String VERSION = MAJOR + "." + MINOR;
    public static final String MANIFEST_ATTRIBUTE = "Plurigrid-Plugin-Api";

    /** How long {@link ConsolePlugin#createView} may take before the plugin is disabled. */
    public static final Duration CREATE_VIEW_LIMIT = Duration.ofSeconds(5);
    /**
     * CPU time one {@link PluginView#onFrame} call may use (and a tenth of the wall time it may block the FX thread);
     * a plugin over it three times is disabled.
     */
    public static final Duration FRAME_BUDGET = Duration.ofMillis(100);
    /** How long one {@link AssetAction#run} may take before the plugin is disabled (since 1.1). */
    public static final Duration ACTION_LIMIT = Duration.ofSeconds(5);
    /** How long one decoder call may take before the decoder is switched off (since 1.1). */
    public static final Duration DECODE_LIMIT = org.plurigrid.console.client.telemetry.TelemetryService.TOPIC_DECODER_LIMIT;

    /** How long one flexibility provider may take to estimate a target's devices before it is disabled (since 1.3). */
    public static final Duration FLEXIBILITY_LIMIT = Duration.ofSeconds(1);

    /** How long one {@link MapOverlay#marks} call may take before the plugin is disabled (since 1.3). */
    public static final Duration OVERLAY_LIMIT = Duration.ofSeconds(1);
    /** The shortest refresh of a map overlay; a shorter one is raised to it (since 1.3). */
    public static final Duration OVERLAY_MIN_REFRESH = Duration.ofSeconds(1);
    /** The most marks one map overlay may show (since 1.3). */
    public static final int OVERLAY_MAX_MARKS = 10_000;

    private static final Pattern VERSION_PATTERN = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");

    private PluginApi() {
    }

    /** Empty when a plugin declaring {@code declared} can run here; otherwise the reason, in the operator's words. */
    public static Optional<String> incompatibility(String declared) {
        if (declared == null || declared.isBlank()) {
            return Optional.of("its manifest does not say which plugin API it was built for (" + MANIFEST_ATTRIBUTE
                    + ": " + VERSION + ")");
        }
        Matcher m = VERSION_PATTERN.matcher(declared.strip());
        if (!m.matches()) {
            return Optional.of("its manifest names plugin API '" + declared.strip() + "', which is not MAJOR.MINOR");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major != MAJOR) {
            return Optional.of("it was built for plugin API " + major + "." + minor + "; this console runs API "
                    + VERSION + " (a different major version)");
        }
        if (minor > MINOR) {
            return Optional.of("it was built for plugin API " + major + "." + minor + ", newer than this console's "
                    + VERSION + "; update the console");
        }
        return Optional.empty();
    }
}
