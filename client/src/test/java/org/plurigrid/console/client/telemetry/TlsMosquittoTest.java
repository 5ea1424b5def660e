package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.plurigrid.console.testsupport.mqtt.MosquittoBroker;

/**
 * TLS against a real Mosquitto with certificates made by the test: server authentication with the console's CA file,
 * client certificates as PEM (plain and encrypted) and PKCS#12, and the refusals an operator must see.
 */
class TlsMosquittoTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final char[] KEY_PASSWORD = "key-Passw0rd".toCharArray();

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static TestPki.Issued console;
    private static MosquittoBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        MosquittoBroker.assumeInstalled();
        pki = TestPki.create(dir.resolve("pki"), "grid");
        TestPki.Issued server = pki.server("broker", "127.0.0.1"); // no DNS name: "localhost" must not verify
        console = pki.client("console-1");
        broker = MosquittoBroker.startWithTls(dir.resolve("broker"), pki.caFile, server.certFile(), server.keyFile());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static BrokerConfig.Builder tls(String name, String uri, TlsSettings settings) {
        return BrokerConfig.builder(name, uri).tls(settings)
                .reconnectDelay(Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void receivesSparkplugOverTlsTrustingTheCaFile(MqttVersion version) throws Exception {
        String node = "tls-sub-" + version.ordinal();
        PointId pv = new PointId("cg-gelderland", node, "pv-0001", "ActivePower");
        BrokerConfig config = tls("tls", broker.tlsUri("127.0.0.1"), TlsSettings.trusting(pki.caFile))
                .version(version).build();
        try (TelemetryService service = new TelemetryService(List.of(config), InstantSource.system());
             EdgeNodeSimulator sim = new EdgeNodeSimulator(broker.uri(), "cg-gelderland", node)) {
            service.start();
            awaitConnected(service, 0);
            sim.connect(1).births(3.5, 9.0);
            Await.until(TIMEOUT, "pv value over TLS", () -> service.store().latest(pv)
                    .map(m -> m.value() == 3.5).orElse(false), service.store()::snapshot);
        }
    }

    @Test
    void presentsAClientCertificateFromPemPlainOrEncryptedAndFromPkcs12() throws Exception {
        Path encryptedKey = pki.encryptedKey(console, KEY_PASSWORD);
        Path p12 = pki.pkcs12(console, KEY_PASSWORD);
        TlsSettings ca = TlsSettings.trusting(pki.caFile);
        List<BrokerConfig> configs = List.of(
                tls("pem", broker.mutualTlsUri(), ca.withClientIdentity(
                        new TlsSettings.PemIdentity(console.certFile(), console.keyFile(), null))).build(),
                tls("pem-encrypted", broker.mutualTlsUri(), ca.withClientIdentity(
                        new TlsSettings.PemIdentity(console.certFile(), encryptedKey, KEY_PASSWORD)))
                        .version(MqttVersion.V3_1_1).build(),
                tls("pkcs12", broker.mutualTlsUri(), ca.withClientIdentity(
                        new TlsSettings.Pkcs12Identity(p12, KEY_PASSWORD))).build());
        try (TelemetryService service = new TelemetryService(configs, InstantSource.system())) {
            service.start();
            Await.until(TIMEOUT, "all three CONNECTED with a client certificate", () -> service.connections()
                    .stream().allMatch(c -> c.state() == ConnectionState.CONNECTED), service::connections);
        }
    }

    @Test
    void reportsTheRefusalsAnOperatorMustSee() throws Exception {
        TestPki other = TestPki.create(dir.resolve("other-pki"), "other");
        List<BrokerConfig> configs = List.of(
                tls("no-client-cert", broker.mutualTlsUri(), TlsSettings.trusting(pki.caFile)).build(),
                tls("unknown-ca", broker.tlsUri("127.0.0.1"), TlsSettings.trusting(other.caFile)).build(),
                tls("wrong-host", broker.tlsUri("localhost"), TlsSettings.trusting(pki.caFile)).build(),
                tls("missing-ca-file", broker.tlsUri("127.0.0.1"),
                        TlsSettings.trusting(dir.resolve("nowhere/ca.pem"))).build(),
                tls("host-check-off", broker.tlsUri("localhost"), TlsSettings.trusting(pki.caFile)
                        .withVerifyHostname(false)).build());
        try (TelemetryService service = new TelemetryService(configs, InstantSource.system())) {
            service.start();
            Await.until(TIMEOUT, "the first four refused and retrying, the last CONNECTED", () -> {
                List<ConnectionStatus> c = service.connections();
                return c.subList(0, 4).stream().allMatch(s -> s.detail().contains("retrying"))
                        && c.get(4).state() == ConnectionState.CONNECTED;
            }, service::connections);
            List<ConnectionStatus> c = service.connections();
            assertThat(c.subList(0, 4)).allSatisfy(s -> assertThat(s.state()).isEqualTo(ConnectionState.CONNECTING));
            assertThat(c.get(1).detail()).containsIgnoringCase("certification path");
            assertThat(c.get(2).detail()).containsIgnoringCase("localhost");
            assertThat(c.get(3).detail()).contains("CA file").contains("nowhere/ca.pem").contains("does not exist");
        }
    }

    @Test
    void aCertificateRefusalIsNamedAndRetriedOnlyAtTheLongestDelay() throws Exception {
        List<BrokerConfig> configs = List.of(
                tls("wrong-host", broker.tlsUri("localhost"), TlsSettings.trusting(pki.caFile))
                        .reconnectDelay(Duration.ofMillis(100), Duration.ofSeconds(5)).build());
        try (TelemetryService service = new TelemetryService(configs, InstantSource.system())) {
            service.start();
            Await.until(TIMEOUT, "refused", () -> service.connections().getFirst().detail().contains("retrying"),
                    service::connections);
            String detail = service.connections().getFirst().detail();
            assertThat(detail).startsWith("TLS certificate refused: ");
            // 5 s ± 20 %, not the 100 ms a dropped connection would be retried after
            double seconds = Double.parseDouble(detail.replaceAll(".*retrying in ([0-9.]+) s.*", "$1"));
            assertThat(seconds).isBetween(4.0, 6.0);
        }
    }

    @Test
    void aCertificateFailureIsRecognisedThroughItsCauses() {
        assertThat(MqttTransport.isCertificateFailure(new RuntimeException("x",
                new javax.net.ssl.SSLHandshakeException("No subject alternative DNS name matching localhost")))).isTrue();
        assertThat(MqttTransport.isCertificateFailure(new java.io.IOException("Connection refused"))).isFalse();
    }

    private static void awaitConnected(TelemetryService service, int index) {
        Await.until(TIMEOUT, "connection CONNECTED",
                () -> service.connections().get(index).state() == ConnectionState.CONNECTED, service::connections);
    }
}
