package org.plurigrid.console.maplayers.basemap;

import javafx.scene.image.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An optional tile server (online, or a tile server on the control room's LAN) addressed by a URL template with
 * {@code {z}}, {@code {x}} and {@code {y}}. Never throws and never blocks: a failed or slow request answers "empty" and
 * the caller renders the tile locally. After {@link #FAILURES_BEFORE_PAUSE} failures in a row the server is not asked
 * again for {@link #PAUSE}, and that is logged once — not once per tile.
 */
public final class OnlineTileSource implements TileSource {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineTileSource.class);
    static final int FAILURES_BEFORE_PAUSE = 5;
    static final Duration PAUSE = Duration.ofMinutes(1);
    static final Duration TIMEOUT = Duration.ofSeconds(4);

    private final String template;
    private final HttpClient http;
    private final InstantSource clock;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final AtomicLong pausedUntilMillis = new AtomicLong();

    public OnlineTileSource(String template, HttpClient http, InstantSource clock) {
        this.template = Objects.requireNonNull(template, "template");
        if (!template.contains("{z}") || !template.contains("{x}") || !template.contains("{y}")) {
            throw new IllegalArgumentException("tile URL template must contain {z}, {x} and {y}: " + template);
        }
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The source for a configured template, or null when none is set (offline only). */
    static OnlineTileSource fromTemplate(String template) {
        if (template == null || template.isBlank()) {
            return null;
        }
        try {
            return new OnlineTileSource(template.trim(),
                    HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build(),
                    InstantSource.system());
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring the tile server setting: {}; the offline basemap is used", e.getMessage());
            return null;
        }
    }

    URI uri(int zoom, long x, long y) {
        return URI.create(template.replace("{z}", Integer.toString(zoom)).replace("{x}", Long.toString(x))
                .replace("{y}", Long.toString(y)));
    }

    /** The tile from the server, or empty (failure, timeout, paused, not an image). */
    @Override
    public CompletableFuture<Optional<Image>> fetch(int zoom, long x, long y) {
        if (clock.millis() < pausedUntilMillis.get()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri(zoom, x, y)).timeout(TIMEOUT)
                    .header("User-Agent", "PlurigridConsole/0.1").GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(failed(e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        return failed("HTTP " + response.statusCode());
                    }
                    Image image = new Image(new ByteArrayInputStream(response.body()));
                    if (image.isError() || image.getWidth() <= 0) {
                        return failed("not an image");
                    }
                    failuresInARow.set(0);
                    return Optional.of(image);
                })
                .exceptionally(e -> failed(e.getClass().getSimpleName()));
    }

    private Optional<Image> failed(String why) {
        if (failuresInARow.incrementAndGet() == FAILURES_BEFORE_PAUSE) {
            pausedUntilMillis.set(clock.millis() + PAUSE.toMillis());
            failuresInARow.set(0);
            LOG.warn("Tile server {} is not answering ({}); using the offline basemap for {} s", template, why,
                    PAUSE.toSeconds());
        }
        return Optional.empty();
    }
}
