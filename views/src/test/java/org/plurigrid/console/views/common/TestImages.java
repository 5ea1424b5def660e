package org.plurigrid.console.views.common;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;

import java.awt.image.BufferedImage;

/** Pixel helpers shared by the view screenshot tests. */
public final class TestImages {

    private TestImages() {
    }

    /** A JavaFX snapshot as an AWT image, for ImageIO and pixel checks. */
    public static BufferedImage toBuffered(WritableImage snapshot) {
        return SwingFXUtils.fromFXImage(snapshot, null);
    }

    /** Pixels within 12 per channel of the given colour. */
    public static int countPixels(BufferedImage img, int red, int green, int blue) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - red) < 12 && Math.abs(((rgb >> 8) & 0xff) - green) < 12
                        && Math.abs((rgb & 0xff) - blue) < 12) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Share of pixels whose channels differ by more than 60: colour, not grey (ISA-101 checks). */
    public static double saturatedShare(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    n++;
                }
            }
        }
        return (double) n / ((long) img.getWidth() * img.getHeight());
    }
}
