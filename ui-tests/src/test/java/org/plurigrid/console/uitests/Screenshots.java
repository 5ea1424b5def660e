package org.plurigrid.console.uitests;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Saves PNG snapshots of nodes under ui-tests/target/screenshots (snapshot on the FX thread, pixels via ImageIO). */
final class Screenshots {

    static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /** Removes the PNGs of an earlier run, so the folder shows exactly this run. */
    static void clear() throws IOException {
        if (Files.isDirectory(DIR)) {
            try (var files = Files.list(DIR)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".png")).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static Path save(Node node, String name) {
        WritableImage image;
        try {
            image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get();
        } catch (Exception e) {
            throw new IllegalStateException("snapshot of " + name + " failed", e);
        }
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Path file = DIR.resolve(name + ".png");
            Files.createDirectories(file.getParent()); // a name may carry a sub-folder of its own
            ImageIO.write(out, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
