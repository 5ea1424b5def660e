package org.plurigrid.console.views.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.config.BrokerEntry;
import org.plurigrid.console.client.config.StoredSecret;
import org.plurigrid.console.client.telemetry.MqttVersion;

class ConnectionsViewModelTest {

    private final ScriptedConnections backend = new ScriptedConnections();
    private final ConnectionsViewModel vm = new ConnectionsViewModel(backend, Runnable::run, Runnable::run);

    private BrokerDraft loaded(int index) {
        vm.load();
        BrokerDraft d = vm.brokers().get(index);
        vm.selectedProperty().set(d);
        return d;
    }

    @Test
    void loadsTheConfiguredBrokersAndSelectsTheFirst() {
        vm.load();

        assertThat(vm.brokers()).extracting(BrokerDraft::toString).containsExactly("regional", "co-op");
        assertThat(vm.selectedProperty().get().uriProperty().get()).isEqualTo("ssl://mqtt.regional.example:8883");
        assertThat(vm.selectedProperty().get().identityProperty().get()).isEqualTo(BrokerDraft.ClientIdentity.PEM);
        assertThat(vm.statusProperty().get()).isEqualTo("2 brokers configured.");
    }

    @Test
    void showsAStoredPasswordAsStoredEncryptedAndKeepsItUnlessReplaced() {
        BrokerDraft regional = loaded(0);

        assertThat(regional.passwordStateProperty().get()).startsWith("stored, encrypted");
        vm.save();

        assertThat(backend.saved.getFirst().password()).isEqualTo(new StoredSecret.Kept("stored, encrypted"));
    }

    @Test
    void savesATypedPasswordAsReplacementAndWipesItAfterwards() {
        BrokerDraft regional = loaded(0);
        char[] typed = "n3w-Passw0rd".toCharArray();
        regional.replacePassword(typed);

        assertThat(regional.passwordStateProperty().get()).isEqualTo("new, will be stored encrypted");
        vm.save();

        assertThat(backend.savedPasswords).containsExactly("n3w-Passw0rd");
        StoredSecret.Replaced sent = (StoredSecret.Replaced) backend.saved.getFirst().password();
        assertThat(sent.password()).as("the entry handed to the backend is wiped after saving").containsOnly('\0');
        assertThat(vm.savedProperty().get()).isTrue();
    }

    @Test
    void afterSavingTheTypedPasswordShowsAsStoredAndTheSaveMessageStays() {
        BrokerDraft coop = loaded(1);
        coop.usernameProperty().set("operator");
        coop.replacePassword("c00p-Passw0rd".toCharArray());

        vm.save();

        assertThat(backend.loads).as("read back after saving").isEqualTo(2);
        assertThat(vm.selectedProperty().get().nameProperty().get()).isEqualTo("co-op");
        assertThat(vm.selectedProperty().get().passwordStateProperty().get()).startsWith("stored, encrypted");
        assertThat(vm.statusProperty().get()).isEqualTo("Saved; reconnecting to 2 brokers.");
        assertThat(vm.statusKindProperty().get()).isEqualTo(ConnectionsViewModel.StatusKind.OK);
    }

    @Test
    void aPasswordWithoutUserNameIsRefusedForMqtt311Only() {
        BrokerDraft coop = loaded(1);

        coop.replacePassword("c00p-Passw0rd".toCharArray());

        assertThat(coop.errors().get(Field.USERNAME)).contains("MQTT 3.1.1 sends a password only with a user name");
        coop.versionProperty().set(MqttVersion.V5);
        assertThat(coop.errors()).isEmpty();
    }

    @Test
    void namesTheFieldAndTheLineOfAnInvalidTopicFilter() {
        BrokerDraft coop = loaded(1);

        coop.topicFiltersProperty().set("spBv1.0/#\ncoop/#/state");

        assertThat(coop.errors().get(Field.TOPIC_FILTERS))
                .isEqualTo("line 2: topic filter 'coop/#/state' may use '#' only as the whole last level");
        assertThat(coop.problems()).containsExactly(
                "Topic filters: line 2: topic filter 'coop/#/state' may use '#' only as the whole last level");
        coop.topicFiltersProperty().set("spBv1.0/#\ncoop/+/+/state");
        assertThat(coop.errors()).isEmpty();
    }

    @Test
    void refusesAUriWithoutTcpOrSsl() {
        BrokerDraft coop = loaded(1);

        coop.uriProperty().set("mqtt://10.20.0.5:1883");

        assertThat(coop.errors().get(Field.URI)).isEqualTo("must start with tcp:// or ssl://, got \"mqtt://10.20.0.5:1883\"");
    }

    @Test
    void persistentSessionNeedsAClientIdAndAValidExpiry() {
        BrokerDraft coop = loaded(1);

        coop.persistentSessionProperty().set(true);
        coop.sessionExpiryProperty().set("soon");

        assertThat(coop.errors()).containsKeys(Field.CLIENT_ID, Field.SESSION_EXPIRY);
        assertThat(coop.errors().get(Field.CLIENT_ID)).contains("persistent session");
        coop.clientIdProperty().set("console-1-coop");
        coop.sessionExpiryProperty().set("2h");
        assertThat(coop.errors()).isEmpty();
        assertThat(coop.toEntry().cleanStart()).isFalse();
        assertThat(coop.toEntry().sessionExpiry()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void keepAliveAboveTheMqttLimitIsRefused() {
        BrokerDraft coop = loaded(1);

        coop.keepAliveProperty().set("19h");

        assertThat(coop.errors().get(Field.KEEP_ALIVE)).isEqualTo("must be at most 65535 s, got 19h");
    }

    @Test
    void tlsSettingsOnATcpUriAreRefused() {
        BrokerDraft regional = loaded(0);

        regional.uriProperty().set("tcp://mqtt.regional.example:1883");

        assertThat(regional.errors().get(Field.URI)).contains("uses tcp:// but TLS settings are given");
        regional.caFileProperty().set("");
        regional.identityProperty().set(BrokerDraft.ClientIdentity.NONE);
        assertThat(regional.errors()).isEmpty();
        assertThat(regional.toEntry().tls()).isEmpty();
    }

    @Test
    void aPemIdentityNeedsCertificateAndKey() {
        BrokerDraft regional = loaded(0);

        regional.clientKeyProperty().set(" ");

        assertThat(regional.errors().get(Field.CLIENT_KEY)).contains("private key");
        regional.identityProperty().set(BrokerDraft.ClientIdentity.PKCS12);
        assertThat(regional.errors()).containsOnlyKeys(Field.PKCS12);
    }

    @Test
    void aNameUsedTwiceIsMarkedOnBoth() {
        vm.load();
        BrokerDraft added = vm.add();

        added.nameProperty().set("co-op");

        assertThat(added.errors().get(Field.NAME)).isEqualTo("\"co-op\" is already used by another broker");
        assertThat(vm.brokers().get(1).errors()).containsKey(Field.NAME);
        added.nameProperty().set("co-op south");
        assertThat(vm.brokers().get(1).errors()).isEmpty();
    }

    @Test
    void saveWithAnInvalidBrokerSelectsItAndSaysWhatIsWrong() {
        vm.load();
        BrokerDraft coop = vm.brokers().get(1);
        coop.hostIdProperty().set("console/1");

        vm.save();

        assertThat(backend.saved).isNull();
        assertThat(vm.selectedProperty().get()).isSameAs(coop);
        assertThat(vm.statusProperty().get())
                .isEqualTo("Cannot save: \"co-op\" has 1 problem. Sparkplug host id: must be one topic level without '/', '+' or '#'");
        assertThat(vm.statusKindProperty().get()).isEqualTo(ConnectionsViewModel.StatusKind.FAILED);
    }

    @Test
    void aFailedSaveKeepsTheDialogOpenWithTheReason() {
        backend.saveOutcome = new ConnectionsBackend.Failed("console.json: brokers[0].tls.caFile: expected a readable file");
        vm.load();

        vm.save();

        assertThat(vm.savedProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).contains("brokers[0].tls.caFile");
    }

    @Test
    void newBrokerGetsFileDefaultsAndIsSavedAsNew() {
        vm.load();
        BrokerDraft added = vm.add();

        added.versionProperty().set(MqttVersion.V3_1_1);
        vm.save();

        BrokerEntry entry = backend.saved.get(2);
        assertThat(entry.isNew()).isTrue();
        assertThat(entry.name()).isEqualTo("broker-3");
        assertThat(entry.uri()).isEqualTo("tcp://localhost:1883");
        assertThat(entry.topicFilters()).containsExactly("spBv1.0/#");
        assertThat(entry.version()).isEqualTo(MqttVersion.V3_1_1);
        assertThat(entry.keepAlive()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void removingABrokerDropsItFromWhatIsSaved() {
        loaded(0);

        vm.removeSelected();
        vm.save();

        assertThat(backend.saved).extracting(BrokerEntry::name).containsExactly("co-op");
        assertThat(vm.selectedProperty().get().nameProperty().get()).isEqualTo("co-op");
    }

    @Test
    void removingThePasswordSavesNone() {
        BrokerDraft regional = loaded(0);

        regional.removePassword();
        vm.save();

        assertThat(backend.saved.getFirst().password()).isInstanceOf(StoredSecret.None.class);
    }

    @Test
    void testsTheUnsavedSettingsOfTheSelectedBroker() {
        BrokerDraft coop = loaded(1);
        coop.uriProperty().set("tcp://10.20.0.6:1883");
        backend.testOutcome = new ConnectionsBackend.Failed("co-op: connection refused by 10.20.0.6:1883");

        vm.testSelected();

        assertThat(backend.tested.uri()).isEqualTo("tcp://10.20.0.6:1883");
        assertThat(backend.saved).as("testing does not save").isNull();
        assertThat(vm.statusProperty().get()).isEqualTo("co-op: connection refused by 10.20.0.6:1883");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aLoadFailureIsShownNotThrown() {
        ConnectionsViewModel failing = new ConnectionsViewModel(new ScriptedConnections() {
            @Override
            public java.util.List<BrokerEntry> load() {
                throw new IllegalStateException("console.json: not valid JSON at line 3, column 5");
            }
        }, Runnable::run, Runnable::run);

        failing.load();

        assertThat(failing.statusProperty().get())
                .isEqualTo("Cannot read the configuration: console.json: not valid JSON at line 3, column 5");
        assertThat(failing.brokers()).isEmpty();
    }

    @Test
    void knowsWhenClosingWouldDropEdits() {
        BrokerDraft regional = loaded(0);
        assertThat(vm.hasUnsavedChanges()).as("as read").isFalse();

        regional.uriProperty().set("ssl://mqtt2.regional.example:8883");
        assertThat(vm.hasUnsavedChanges()).as("a field typed").isTrue();

        vm.load();
        assertThat(vm.hasUnsavedChanges()).as("read again").isFalse();
        vm.add();
        assertThat(vm.hasUnsavedChanges()).as("a broker added").isTrue();
        vm.load();
        vm.selectedProperty().set(vm.brokers().getFirst());
        vm.removeSelected();
        assertThat(vm.hasUnsavedChanges()).as("a broker removed").isTrue();
    }

    @Test
    void anEmptyConfigurationSaysWhichBrokerIsInUse() {
        backend.configured.clear();
        vm.setInUse("devnet at tcp://127.0.0.1:1883 (connected)");
        vm.load();

        assertThat(vm.statusProperty().get()).contains("No broker saved")
                .contains("devnet at tcp://127.0.0.1:1883 (connected)").doesNotContain("No broker configured");
    }
}
