package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The broker rules are the ones BrokerConfig (and so console.json) applies: the editor cannot accept what the file
 * refuses.
 */
class BrokerRulesTest {

    @Test
    void eachRuleSaysWhatIsWrongOrNothing() {
        assertThat(BrokerRules.uri("mqtt://h:1883")).contains("must start with tcp:// or ssl://, got \"mqtt://h:1883\"");
        assertThat(BrokerRules.uri("tcp://h")).contains("needs a host and a port, e.g. tcp://localhost:1883");
        assertThat(BrokerRules.uri("ssl://h:8883")).isEmpty();
        assertThat(BrokerRules.clientId(" ", true)).get().asString().contains("persistent session");
        assertThat(BrokerRules.clientId("", false)).isEmpty();
        assertThat(BrokerRules.keepAlive(Duration.ofHours(19), "19h")).contains("must be at most 65535 s, got 19h");
        assertThat(BrokerRules.keepAlive(Duration.ofSeconds(65_535), "65535s")).isEmpty();
        assertThat(BrokerRules.hostId("a/b")).contains("must be one topic level without '/', '+' or '#'");
        assertThat(BrokerRules.topicFilter("a/#/b")).get().asString().contains("'#' only");
        assertThat(BrokerRules.tlsScheme("tcp://h:1883", true)).get().asString().contains("use ssl://h:1883");
        assertThat(BrokerRules.tlsScheme("ssl://h:8883", true)).isEmpty();
    }

    @Test
    void brokerConfigRefusesWithTheSameWords() {
        assertThatThrownBy(() -> BrokerConfig.builder("coop", "tcp://h:1883").keepAlive(Duration.ofHours(19)).build())
                .hasMessage("broker 'coop': keep-alive must be at most 65535 s, got PT19H");
        assertThatThrownBy(() -> BrokerConfig.builder("coop", "mqtt://h:1883").build())
                .hasMessage("broker 'coop': server URI must start with tcp:// or ssl://, got \"mqtt://h:1883\"");
        assertThatThrownBy(() -> BrokerConfig.builder("coop", "tcp://h:1883").hostId("a+b").build())
                .hasMessage("broker 'coop': Sparkplug host id must be one topic level without '/', '+' or '#', got 'a+b'");
        assertThatThrownBy(() -> BrokerConfig.builder("coop", "tcp://h:1883").clientId("c")
                .persistentSession(Duration.ofDays(50_000)).build())
                .hasMessageStartingWith("broker 'coop': session expiry must be at most 4294967295 s");
    }
}
