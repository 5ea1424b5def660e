package org.plurigrid.console.client.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.TlsSettings;

class TransportWarningsTest {

    @Test
    void warnsAboutCredentialsInClearToAnotherMachineOnly() {
        List<String> w = TransportWarnings.ofBrokers(List.of(
                BrokerConfig.builder("coop", "tcp://10.0.0.5:1883").username("operator").password("pw-123456".toCharArray()).build(),
                BrokerConfig.builder("local", "tcp://127.0.0.1:1883").username("operator").build(),
                BrokerConfig.builder("anonymous", "tcp://10.0.0.6:1883").build(),
                BrokerConfig.builder("tls", "ssl://mqtt.example.org:8883").username("operator")
                        .tls(TlsSettings.trusting(Path.of("ca.pem"))).build()));

        assertThat(w).singleElement().asString().contains("'coop'").contains("unencrypted").contains("ssl://");
    }

    @Test
    void warnsWhenHostNameVerificationIsOff() {
        List<String> w = TransportWarnings.ofBrokers(List.of(BrokerConfig.builder("tls", "ssl://mqtt.example.org:8883")
                .tls(TlsSettings.trusting(Path.of("ca.pem")).withVerifyHostname(false)).build()));

        assertThat(w).singleElement().asString().contains("verifyHostname: false");
    }

    @Test
    void warnsAboutPlaintextGrpcToAnotherMachine() {
        ChainConfig chain = ChainConfig.of("c-1", "cosmos", "ucosm", "0.025", GrpcEndpoint.parse("grpc.example.org:9090"),
                GrpcEndpoint.parse("localhost:9090"), GrpcEndpoint.parse("https://grpc.example.org"));

        assertThat(TransportWarnings.ofChain(chain)).singleElement().asString().contains("grpc.example.org:9090")
                .contains("plaintext");
    }

    @Test
    void judgesLoopbackAsWrittenWithoutResolving() {
        assertThat(TransportWarnings.isLoopback("127.0.0.1")).isTrue();
        assertThat(TransportWarnings.isLoopback("[::1]")).isTrue();
        assertThat(TransportWarnings.isLoopback("LOCALHOST")).isTrue();
        assertThat(TransportWarnings.isLoopback("10.0.0.1")).isFalse();
        assertThat(TransportWarnings.isLoopback("localhost.example.org")).isFalse();
    }
}
