package org.plurigrid.console.views.connections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.plurigrid.console.client.config.BrokerEntry;
import org.plurigrid.console.client.config.StoredSecret;
import org.plurigrid.console.client.config.TlsEntry;
import org.plurigrid.console.client.telemetry.MqttVersion;

/** A backend that answers from memory and records what it was asked to save or test, including typed passwords. */
class ScriptedConnections implements ConnectionsBackend {

    List<BrokerEntry> configured = new ArrayList<>(List.of(regional(), coop()));
    Outcome saveOutcome = new Done("Saved; reconnecting to 2 brokers.");
    Outcome testOutcome = new Done("regional: connected and subscribed.");
    List<BrokerEntry> saved;
    final List<String> savedPasswords = new ArrayList<>();
    BrokerEntry tested;
    int loads;

    static BrokerEntry regional() {
        return new BrokerEntry("regional", "regional", "ssl://mqtt.regional.example:8883", MqttVersion.V5,
                "console-1-regional", Duration.ofSeconds(30), false, Duration.ofHours(1), "operator",
                new StoredSecret.Kept("stored, encrypted"),
                Optional.of(new TlsEntry("certs/regional-ca.pem", "certs/console-1.pem", "certs/console-1.key", "",
                        StoredSecret.none(), true)),
                List.of("$share/consoles/spBv1.0/cg-utrecht/#", "spBv1.0/cg-brabant/#"), "console-1");
    }

    static BrokerEntry coop() {
        return new BrokerEntry("co-op", "co-op", "tcp://10.20.0.5:1883", MqttVersion.V3_1_1, "", Duration.ofSeconds(30),
                true, Duration.ofHours(1), "", StoredSecret.none(), Optional.empty(),
                List.of("spBv1.0/#", "coop/+/+/state"), "");
    }

    @Override
    public List<BrokerEntry> load() {
        loads++;
        return configured;
    }

    @Override
    public Outcome save(List<BrokerEntry> brokers) {
        saved = brokers;
        for (BrokerEntry b : brokers) {
            if (b.password() instanceof StoredSecret.Replaced r) {
                savedPasswords.add(new String(r.password()));
            }
        }
        if (saveOutcome instanceof Done) {
            // What a real file would read back: every broker under its new name, typed passwords now stored.
            configured = brokers.stream().map(b -> new BrokerEntry(b.name(), b.name(), b.uri(), b.version(), b.clientId(),
                    b.keepAlive(), b.cleanStart(), b.sessionExpiry(), b.username(),
                    b.password() instanceof StoredSecret.Replaced ? new StoredSecret.Kept("stored, encrypted") : b.password(),
                    b.tls(), b.topicFilters(), b.hostId())).toList();
        }
        return saveOutcome;
    }

    @Override
    public Outcome test(BrokerEntry broker) {
        tested = broker;
        return testOutcome;
    }
}
