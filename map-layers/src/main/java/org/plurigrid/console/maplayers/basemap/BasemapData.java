package org.plurigrid.console.maplayers.basemap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Natural Earth 1:50m land and country polygons (world-atlas 2.0.2, see README.md and LICENSE-world-atlas beside the
 * data), projected once to Web-Mercator world units for fast tile rendering.
 */
public final class BasemapData {

    /** One polygon: outer ring then holes, each as interleaved x,y world units, with its bounding box. */
    public record Polygon(List<float[]> rings, double minX, double minY, double maxX, double maxY) {
        public Polygon {
            rings = List.copyOf(rings);
        }

        boolean intersects(double x0, double y0, double x1, double y1) {
            return maxX >= x0 && minX <= x1 && maxY >= y0 && minY <= y1;
        }
    }

    private static final String LAND = "land-50m.geojson";
    private static final String COUNTRIES = "countries-50m.geojson";

    private final List<Polygon> land;
    private final List<Polygon> countries;

    public BasemapData(List<Polygon> land, List<Polygon> countries) {
        this.land = List.copyOf(land);
        this.countries = List.copyOf(countries);
    }

    /** Loads the copies shipped in this package (a few hundred ms; call it off the FX thread). */
    public static BasemapData loadBundled() {
        return new BasemapData(read(LAND), read(COUNTRIES));
    }

    public List<Polygon> land() {
        return land;
    }

    public List<Polygon> countries() {
        return countries;
    }

    private static List<Polygon> read(String resource) {
        try (InputStream in = BasemapData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("basemap resource missing from the jar: " + resource);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Polygon> out = new ArrayList<>();
            for (JsonNode f : root.path("features")) {
                JsonNode g = f.path("geometry");
                switch (g.path("type").asText()) {
                    case "Polygon" -> out.add(polygon(g.path("coordinates")));
                    case "MultiPolygon" -> g.path("coordinates").forEach(p -> out.add(polygon(p)));
                    default -> { /* points or lines carry no area */ }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read basemap resource " + resource, e);
        }
    }

    private static Polygon polygon(JsonNode rings) {
        List<float[]> out = new ArrayList<>();
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (JsonNode ring : rings) {
            float[] xy = new float[ring.size() * 2];
            int i = 0;
            for (JsonNode pt : ring) {
                double x = WebMercator.x(pt.get(0).asDouble());
                double y = WebMercator.y(pt.get(1).asDouble());
                xy[i++] = (float) x;
                xy[i++] = (float) y;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
            out.add(xy);
        }
        return new Polygon(out, minX, minY, maxX, maxY);
    }
}
