package org.plurigrid.console.maplayers.basemap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TileRendererTest {

    private static TileRenderer renderer;

    @BeforeAll
    static void loadData() {
        renderer = new TileRenderer(BasemapData.loadBundled());
    }

    @Test
    void tileOverTheNetherlandsIsMostlyLand() throws Exception {
        int zoom = 7;
        BufferedImage tile = renderer.render(zoom, WebMercator.tileX(5.3, zoom), WebMercator.tileY(52.2, zoom));
        save(tile, "tile-netherlands-z7.png");

        assertThat(share(tile, TileRenderer.LAND.getRGB())).isGreaterThan(0.3);
        assertThat(share(tile, TileRenderer.SEA.getRGB())).isGreaterThan(0.05); // the North Sea coast is in it
    }

    @Test
    void midAtlanticTileHasNoLand() {
        int zoom = 6;
        BufferedImage tile = renderer.render(zoom, WebMercator.tileX(-40, zoom), WebMercator.tileY(35, zoom));

        assertThat(share(tile, TileRenderer.LAND.getRGB())).isZero();
        assertThat(share(tile, TileRenderer.SEA.getRGB())).isEqualTo(1.0);
    }

    @Test
    void pixelUnderAmsterdamIsLandAndUnderTheNorthSeaIsSea() {
        int zoom = 9;
        long tx = WebMercator.tileX(4.9, zoom);
        long ty = WebMercator.tileY(52.37, zoom);
        BufferedImage tile = renderer.render(zoom, tx, ty);

        assertThat(tile.getRGB(px(4.9, zoom, tx, true), px(52.37, zoom, ty, false))).isEqualTo(TileRenderer.LAND.getRGB());
        long sx = WebMercator.tileX(3.0, zoom);
        long sy = WebMercator.tileY(53.0, zoom);
        BufferedImage sea = renderer.render(zoom, sx, sy);
        assertThat(sea.getRGB(px(3.0, zoom, sx, true), px(53.0, zoom, sy, false))).isEqualTo(TileRenderer.SEA.getRGB());
    }

    @Test
    void rendersAWorldTileQuickly() {
        renderer.render(0, 0, 0); // warm-up
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            renderer.render(6, WebMercator.tileX(5.3, 6), WebMercator.tileY(52.2, 6));
        }
        long perTileMs = (System.nanoTime() - t0) / 5 / 1_000_000;
        System.out.println("basemap tile render (zoom 6, Netherlands): " + perTileMs + " ms");
        assertThat(perTileMs).isLessThan(2000); // generous: a sanity bound, not a benchmark
    }

    private static int px(double deg, int zoom, long tile, boolean isX) {
        double world = (isX ? WebMercator.x(deg) : WebMercator.y(deg)) * (1L << zoom);
        return (int) ((world - tile) * TileRenderer.TILE_SIZE);
    }

    private static double share(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) == rgb) {
                    n++;
                }
            }
        }
        return n / (double) (img.getWidth() * img.getHeight());
    }

    private static void save(BufferedImage img, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(img, "png", dir.resolve(name).toFile());
    }
}
