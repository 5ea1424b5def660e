package org.plurigrid.console.maplayers.basemap;

import javafx.scene.image.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Tiles from an MBTiles file (SQLite, table {@code tiles(zoom_level, tile_column, tile_row, tile_data)}, rows in TMS
 * order), read on the tile pool — the usual way to bring a prepared basemap into an air-gapped control room.
 */
public final class MbTilesSource implements TileSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MbTilesSource.class);

    private final Path file;
    private final Executor executor;
    private final Connection connection;
    private final PreparedStatement query;

    /** Opens the file read-only; a file that is not MBTiles is refused with a message naming it. */
    public MbTilesSource(Path file, Executor executor) throws SQLException {
        this.file = file;
        this.executor = executor;
        if (!Files.isRegularFile(file)) {
            throw new SQLException("MBTiles file " + file + " does not exist");
        }
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        this.connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        try {
            this.query = connection.prepareStatement(
                    "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
        } catch (SQLException e) {
            connection.close();
            throw new SQLException(file + " is not an MBTiles file (no tiles table): " + e.getMessage(), e);
        }
    }

    /** The configured file as a source, or null (with a warning) when it cannot be opened. */
    static MbTilesSource open(String path, Executor executor) {
        if (path == null || path.isBlank()) {
            return null;
        }
        try {
            return new MbTilesSource(Path.of(path.trim()), executor);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Ignoring the MBTiles basemap: {}; the built-in offline basemap is used", e.getMessage());
            return null;
        }
    }

    @Override
    public CompletableFuture<Optional<Image>> fetch(int zoom, long x, long y) {
        return CompletableFuture.supplyAsync(() -> read(zoom, x, y), executor)
                .exceptionally(e -> {
                    LOG.debug("MBTiles tile {}/{}/{} from {} could not be read", zoom, x, y, file, e);
                    return Optional.empty();
                });
    }

    private Optional<Image> read(int zoom, long x, long y) {
        long tmsRow = (1L << zoom) - 1 - y;
        byte[] data;
        synchronized (this) {
            try {
                query.setInt(1, zoom);
                query.setLong(2, x);
                query.setLong(3, tmsRow);
                try (ResultSet rs = query.executeQuery()) {
                    data = rs.next() ? rs.getBytes(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        if (data == null) {
            return Optional.empty();
        }
        Image image = new Image(new ByteArrayInputStream(data));
        return image.isError() ? Optional.empty() : Optional.of(image);
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
