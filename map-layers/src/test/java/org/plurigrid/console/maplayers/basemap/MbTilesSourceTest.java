package org.plurigrid.console.maplayers.basemap;

import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.testsupport.fx.FxPlatformExtension;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(FxPlatformExtension.class)
class MbTilesSourceTest {

    /** An MBTiles file with one blue tile at z/x/y (stored in TMS row order, as the format says). */
    private static Path mbtilesWithOneTile(Path dir, int z, int x, int y) throws Exception {
        Path file = dir.resolve("basemap.mbtiles");
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("CREATE TABLE metadata (name TEXT, value TEXT)");
            c.createStatement().execute(
                    "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
                p.setInt(1, z);
                p.setInt(2, x);
                p.setInt(3, (1 << z) - 1 - y);
                p.setBytes(4, png.toByteArray());
                p.executeUpdate();
            }
        }
        return file;
    }

    @Test
    void readsATileStoredInTmsRowOrder(@TempDir Path dir) throws Exception {
        try (MbTilesSource source = new MbTilesSource(mbtilesWithOneTile(dir, 7, 65, 42), Executors.newSingleThreadExecutor())) {
            Optional<Image> tile = source.fetch(7, 65, 42).get(10, TimeUnit.SECONDS);

            assertThat(tile).get().satisfies(i -> assertThat(i.getPixelReader().getColor(5, 5).getBlue()).isGreaterThan(0.9));
            assertThat(source.fetch(7, 66, 42).get(10, TimeUnit.SECONDS)).as("a tile the file does not hold").isEmpty();
        }
    }

    @Test
    void aMissingTileIsRenderedLocallyByTheRetriever(@TempDir Path dir) throws Exception {
        try (MbTilesSource source = new MbTilesSource(mbtilesWithOneTile(dir, 7, 65, 42), Executors.newSingleThreadExecutor())) {
            OfflineTileRetriever retriever = new OfflineTileRetriever(Executors.newFixedThreadPool(1), source);

            Image fromFile = retriever.loadTile(7, 65, 42).get(30, TimeUnit.SECONDS);
            Image rendered = retriever.loadTile(7, 66, 42).get(30, TimeUnit.SECONDS);

            assertThat(fromFile.getPixelReader().getColor(5, 5).getBlue()).isGreaterThan(0.9);
            assertThat(rendered.getPixelReader().getColor(5, 5).getBlue()).as("the local grey basemap").isLessThan(0.9);
        }
    }

    @Test
    void refusesAFileThatIsNotMbTilesNamingIt(@TempDir Path dir) throws Exception {
        Path notMbtiles = Files.writeString(dir.resolve("notes.mbtiles"), "hello");

        assertThatThrownBy(() -> new MbTilesSource(notMbtiles, Executors.newSingleThreadExecutor()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("notes.mbtiles");
        assertThat(MbTilesSource.open(dir.resolve("missing.mbtiles").toString(), Runnable::run)).isNull();
    }
}
