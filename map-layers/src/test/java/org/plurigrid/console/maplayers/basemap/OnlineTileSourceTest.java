package org.plurigrid.console.maplayers.basemap;

import com.sun.net.httpserver.HttpServer;
import javafx.scene.image.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.testsupport.fx.FxPlatformExtension;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FxPlatformExtension.class)
class OnlineTileSourceTest {

    private HttpServer server;
    private final List<String> requested = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String serve(int status, byte[] body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png";
    }

    private static byte[] redPng() throws IOException {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static OnlineTileSource source(String template) {
        return new OnlineTileSource(template, HttpClient.newHttpClient(), InstantSource.system());
    }

    @Test
    void fetchesTheTileFromTheTemplatedUrl() throws Exception {
        OnlineTileSource source = source(serve(200, redPng()));

        Optional<Image> tile = source.fetch(7, 65, 42).get(10, TimeUnit.SECONDS);

        assertThat(requested).containsExactly("/7/65/42.png");
        assertThat(tile).get().satisfies(i -> {
            assertThat(i.getWidth()).isEqualTo(256);
            assertThat(i.getPixelReader().getColor(10, 10).getRed()).isGreaterThan(0.9);
        });
    }

    @Test
    void answersEmptyOnAServerErrorAndPausesAfterRepeatedFailures() throws Exception {
        OnlineTileSource source = source(serve(500, new byte[0]));

        for (int i = 0; i < OnlineTileSource.FAILURES_BEFORE_PAUSE; i++) {
            assertThat(source.fetch(7, i, 42).get(10, TimeUnit.SECONDS)).isEmpty();
        }
        assertThat(source.fetch(7, 99, 42).get(10, TimeUnit.SECONDS)).isEmpty();

        assertThat(requested).as("paused after the failures: no request for the last tile")
                .hasSize(OnlineTileSource.FAILURES_BEFORE_PAUSE);
    }

    @Test
    void anUnreachableServerFallsBackToTheOfflineRendering() throws Exception {
        // A port nothing listens on: connection refused, then the local renderer draws the tile.
        int closedPort;
        try (var probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        OfflineTileRetriever retriever = new OfflineTileRetriever(Executors.newFixedThreadPool(1),
                source("http://127.0.0.1:" + closedPort + "/{z}/{x}/{y}.png"));

        Image tile = retriever.loadTile(7, 65, 42).get(30, TimeUnit.SECONDS);

        assertThat(tile.getWidth()).isEqualTo(256);
        assertThat(retriever.cachedTiles()).as("rendered locally and cached").isEqualTo(1);
    }

    @Test
    void rejectsATemplateWithoutTileCoordinates() {
        assertThat(OnlineTileSource.fromTemplate("https://tiles.example.org/map.png")).isNull();
        assertThat(OnlineTileSource.fromTemplate("")).isNull();
    }
}
