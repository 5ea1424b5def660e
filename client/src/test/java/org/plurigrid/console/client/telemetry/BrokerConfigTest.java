package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class BrokerConfigTest {

    @Test
    void defaultsToMqtt5SparkplugWildcardAndCleanStart() {
        BrokerConfig c = BrokerConfig.builder("devnet", "tcp://127.0.0.1:1883").build();

        assertThat(c.version()).isEqualTo(MqttVersion.V5);
        assertThat(c.topicFilters()).containsExactly("spBv1.0/#");
        assertThat(c.cleanStart()).isTrue();
        assertThat(c.keepAlive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.clientId()).startsWith("pgc-").hasSizeLessThanOrEqualTo(23);
        assertThat(c.hasPassword()).isFalse();
    }

    @Test
    void passwordNeverAppearsInToStringAndIsHandedOutAsACopy() {
        char[] pw = "s3cret-Passw0rd".toCharArray();
        BrokerConfig c = BrokerConfig.builder("regional", "ssl://mqtt.example.org:8883").username("operator")
                .password(pw).build();

        assertThat(c.toString()).doesNotContain("s3cret").contains("operator").contains("<set>");
        char[] copy = c.password();
        assertThat(new String(copy)).isEqualTo("s3cret-Passw0rd");
        java.util.Arrays.fill(copy, 'x');
        assertThat(new String(c.password())).as("clearing the copy keeps the config intact").isEqualTo("s3cret-Passw0rd");
        assertThat(c.isTls()).isTrue();
    }

    @Test
    void v3AndCustomFiltersAreSelectable() {
        BrokerConfig c = BrokerConfig.builder("coop", "tcp://localhost:1884").version(MqttVersion.V3_1_1)
                .topicFilters("spBv1.0/cg-utrecht/#", "$share/consoles/spBv1.0/cg-brabant/#").clientId("console-7")
                .cleanStart(false).keepAlive(Duration.ofSeconds(10)).build();

        assertThat(c.version()).isEqualTo(MqttVersion.V3_1_1);
        assertThat(c.topicFilters()).hasSize(2);
        assertThat(c.clientId()).isEqualTo("console-7");
    }

    @Test
    void rejectsSchemesOtherThanTcpAndSsl() {
        assertThatThrownBy(() -> BrokerConfig.builder("x", "http://localhost:1883").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp:// or ssl://");
        assertThatThrownBy(() -> BrokerConfig.builder("x", "tcp://localhost").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }

    @Test
    void rejectsAnEmptyListOfTopicFilters() {
        assertThatThrownBy(() -> BrokerConfig.builder("x", "tcp://localhost:1883").topicFilters(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic filter");
    }

    @Test
    void rejectsMalformedTopicFiltersNamingTheBroker() {
        assertThatThrownBy(() -> BrokerConfig.builder("coop", "tcp://localhost:1883").topicFilters("spBv1.0/#/x")
                .build()).hasMessageContaining("broker 'coop'").hasMessageContaining("'#' only");
        assertThatThrownBy(() -> BrokerConfig.builder("coop", "tcp://localhost:1883").topicFilters("$share/g")
                .build()).hasMessageContaining("$share/{group}/{filter}");
    }

    @Test
    void aPersistentSessionNeedsAFixedClientId() {
        assertThatThrownBy(() -> BrokerConfig.builder("coop", "tcp://localhost:1883")
                .persistentSession(Duration.ofMinutes(10)).build()).hasMessageContaining("fixed client id");
        BrokerConfig c = BrokerConfig.builder("coop", "tcp://localhost:1883").clientId("console-7")
                .persistentSession(Duration.ofMinutes(10)).build();
        assertThat(c.cleanStart()).isFalse();
        assertThat(c.sessionExpiry()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void tlsSettingsBelongToSslUrisOnly() {
        assertThatThrownBy(() -> BrokerConfig.builder("x", "tcp://localhost:1883")
                .tls(TlsSettings.trusting(java.nio.file.Path.of("ca.pem"))).build())
                .hasMessageContaining("use ssl://localhost:1883");
        assertThat(BrokerConfig.builder("x", "ssl://localhost:8883").build().tls())
                .contains(TlsSettings.systemDefaults());
    }

    @Test
    void keyPasswordsNeverAppearInToString() {
        BrokerConfig c = BrokerConfig.builder("x", "ssl://localhost:8883").tls(TlsSettings.systemDefaults()
                .withClientIdentity(new TlsSettings.Pkcs12Identity(java.nio.file.Path.of("c.p12"),
                        "p12-Secret".toCharArray()))).build();
        assertThat(c.toString()).contains("c.p12").doesNotContain("p12-Secret");
    }

    @Test
    void hostIdMustBeOneTopicLevel() {
        assertThatThrownBy(() -> BrokerConfig.builder("x", "tcp://localhost:1883").hostId("a/b").build())
                .hasMessageContaining("host id");
        assertThat(BrokerConfig.builder("x", "tcp://localhost:1883").hostId("console-1").build().isSparkplugHost())
                .isTrue();
    }
}
