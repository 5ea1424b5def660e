package org.plurigrid.console.maplayers.basemap;

import com.gluonhq.maps.tile.TileRetriever;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.plurigrid.console.client.threads.NamedThreads;

/**
 * Gluon Maps tile source that needs no network: tiles are rendered locally from the bundled Natural Earth data on
 * a small background pool and kept in an LRU cache. Registered in META-INF/services, so Gluon's
 * {@code TileRetrieverProvider} picks it instead of the online OpenStreetMap retriever. A failure yields a plain
 * sea-coloured tile and a debug log line, never an exception on screen.
 * <p>Optionally an MBTiles file ({@value #MBTILES_PROPERTY}) and/or an online (or LAN) tile server are tried first: set {@value #URL_PROPERTY} to a template such as
 * {@code https://tiles.example.org/{z}/{x}/{y}.png}. Any failure falls back to the local rendering of the same tile,
 * and after {@value OnlineTileSource#FAILURES_BEFORE_PAUSE} failures in a row the server is left alone for a minute,
 * so an air-gapped control room neither waits nor logs a storm.
 */
public final class OfflineTileRetriever implements TileRetriever {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineTileRetriever.class);
    private static final int CACHE_TILES = 768;
    private static final int MAX_ZOOM = 19;

    private final ExecutorService pool;
    private final Map<String, Image> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > CACHE_TILES;
        }
    });
    private volatile CompletableFuture<TileRenderer> renderer;
    /** Tried in order before the local rendering (MBTiles file, tile server); may be empty. */
    private final List<TileSource> sources;

    /** System property with the URL template of an optional tile server ({z}, {x}, {y}). */
    public static final String URL_PROPERTY = "plurigrid.tiles.url";
    /** System property with the path of an optional MBTiles basemap file. */
    public static final String MBTILES_PROPERTY = "plurigrid.tiles.mbtiles";

    /** The no-argument constructor ServiceLoader needs; data loads lazily on the first tile request. */
    public OfflineTileRetriever() {
        this(Executors.newFixedThreadPool(2, daemonThreads()));
    }

    public OfflineTileRetriever(ExecutorService pool) {
        this(pool, configuredSources(pool));
    }

    /** With an explicit online source (null = offline only). */
    public OfflineTileRetriever(ExecutorService pool, TileSource source) {
        this(pool, source == null ? List.of() : List.of(source));
    }

    /** With explicit sources, tried in order before rendering locally. */
    public OfflineTileRetriever(ExecutorService pool, List<TileSource> sources) {
        this.pool = pool;
        this.sources = List.copyOf(sources);
    }

    private static List<TileSource> configuredSources(ExecutorService pool) {
        List<TileSource> out = new java.util.ArrayList<>();
        MbTilesSource mbtiles = MbTilesSource.open(System.getProperty(MBTILES_PROPERTY), pool);
        if (mbtiles != null) {
            out.add(mbtiles);
        }
        OnlineTileSource online = OnlineTileSource.fromTemplate(System.getProperty(URL_PROPERTY));
        if (online != null) {
            out.add(online);
        }
        return out;
    }

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        String key = zoom + "/" + i + "/" + j;
        Image cached = cache.get(key);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        if (zoom < 0 || zoom > MAX_ZOOM || i < 0 || j < 0 || i >= (1L << zoom) || j >= (1L << zoom)) {
            return CompletableFuture.completedFuture(plainSea());
        }
        return fromSources(0, key, zoom, i, j);
    }

    private CompletableFuture<Image> fromSources(int index, String key, int zoom, long i, long j) {
        if (index >= sources.size()) {
            return renderLocally(key, zoom, i, j);
        }
        return sources.get(index).fetch(zoom, i, j).thenCompose(fetched -> {
            if (fetched.isPresent()) {
                cache.put(key, fetched.get());
                return CompletableFuture.completedFuture(fetched.get());
            }
            return fromSources(index + 1, key, zoom, i, j);
        });
    }

    private CompletableFuture<Image> renderLocally(String key, int zoom, long i, long j) {
        return renderer().thenApplyAsync(r -> {
            Image img = toFx(r.render(zoom, i, j));
            cache.put(key, img);
            return img;
        }, pool).exceptionally(e -> {
            LOG.debug("basemap tile {} could not be rendered; showing plain sea", key, e);
            return plainSea();
        });
    }

    /** Number of tiles held in the cache (for tests and diagnostics). */
    public int cachedTiles() {
        return cache.size();
    }

    private CompletableFuture<TileRenderer> renderer() {
        CompletableFuture<TileRenderer> r = renderer;
        if (r == null) {
            synchronized (this) {
                r = renderer;
                if (r == null) {
                    r = CompletableFuture.supplyAsync(() -> new TileRenderer(BasemapData.loadBundled()), pool);
                    renderer = r;
                }
            }
        }
        return r;
    }

    private static Image toFx(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }

    private static Image plainSea() {
        int size = TileRenderer.TILE_SIZE;
        WritableImage out = new WritableImage(size, size);
        int[] px = new int[size * size];
        java.util.Arrays.fill(px, TileRenderer.SEA.getRGB());
        out.getPixelWriter().setPixels(0, 0, size, size, PixelFormat.getIntArgbInstance(), px, 0, size);
        return out;
    }

    private static ThreadFactory daemonThreads() {
        return NamedThreads.numberedDaemons("basemap-tiles", Thread.NORM_PRIORITY - 1);
    }
}
