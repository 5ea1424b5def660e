package org.plurigrid.console.views.connections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.plurigrid.console.client.config.BrokerEntry;
import org.plurigrid.console.client.config.DurationText;
import org.plurigrid.console.client.config.StoredSecret;
import org.plurigrid.console.client.config.TlsEntry;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.MqttVersion;
import org.plurigrid.console.client.telemetry.TopicFilter;

/**
 * One broker being edited: every field as a property the view binds to, validated live with the same rules the
 * console applies when it reads {@code console.json}. Passwords typed here are held as {@code char[]} until saved
 * and then cleared; a stored password is only described ("stored, encrypted") and kept unless replaced.
 */
public final class BrokerDraft {

    /** How the console proves who it is to a TLS broker. */
    public enum ClientIdentity {
        NONE("No client certificate"), PEM("PEM certificate + key"), PKCS12("PKCS#12 file");

        private final String label;

        ClientIdentity(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final String origin;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty uri = new SimpleStringProperty(this, "uri", "");
    private final ObjectProperty<MqttVersion> version = new SimpleObjectProperty<>(this, "version", MqttVersion.V5);
    private final StringProperty clientId = new SimpleStringProperty(this, "clientId", "");
    private final StringProperty keepAlive = new SimpleStringProperty(this, "keepAlive", "30s");
    private final BooleanProperty persistentSession = new SimpleBooleanProperty(this, "persistentSession", false);
    private final StringProperty sessionExpiry = new SimpleStringProperty(this, "sessionExpiry", "1h");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty topicFilters = new SimpleStringProperty(this, "topicFilters",
            BrokerConfig.DEFAULT_TOPIC_FILTER);
    private final StringProperty hostId = new SimpleStringProperty(this, "hostId", "");
    private final StringProperty caFile = new SimpleStringProperty(this, "caFile", "");
    private final ObjectProperty<ClientIdentity> identity = new SimpleObjectProperty<>(this, "identity",
            ClientIdentity.NONE);
    private final StringProperty clientCertificate = new SimpleStringProperty(this, "clientCertificate", "");
    private final StringProperty clientKey = new SimpleStringProperty(this, "clientKey", "");
    private final StringProperty pkcs12 = new SimpleStringProperty(this, "pkcs12", "");
    private final BooleanProperty verifyHostname = new SimpleBooleanProperty(this, "verifyHostname", true);
    private final BooleanBinding tls = Bindings.createBooleanBinding(
            () -> uri.get() != null && uri.get().strip().startsWith("ssl://"), uri);

    private final Secret password = new Secret();
    private boolean edited;
    private final Secret keyPassword = new Secret();

    private final ObservableMap<Field, String> errors = FXCollections.observableMap(new EnumMap<>(Field.class));
    private final ObservableMap<Field, String> readOnlyErrors = FXCollections.unmodifiableObservableMap(errors);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyProblems = FXCollections.unmodifiableObservableList(problems);
    private Predicate<String> nameTaken = n -> false;

    /** A new broker with the defaults of {@code console.json}. */
    public BrokerDraft(String name, String uri) {
        this.origin = "";
        this.name.set(name);
        this.uri.set(uri);
        listen();
    }

    /** A broker read from the configuration. */
    public BrokerDraft(BrokerEntry e) {
        this.origin = e.origin();
        name.set(e.name());
        uri.set(e.uri());
        version.set(e.version());
        clientId.set(e.clientId());
        keepAlive.set(DurationText.format(e.keepAlive()));
        persistentSession.set(!e.cleanStart());
        sessionExpiry.set(DurationText.format(e.sessionExpiry()));
        username.set(e.username());
        topicFilters.set(String.join("\n", e.topicFilters()));
        hostId.set(e.hostId());
        password.stored = e.password() instanceof StoredSecret.Kept k ? Optional.of(k) : Optional.empty();
        e.tls().ifPresent(t -> {
            caFile.set(t.caFile());
            identity.set(t.hasPkcs12Identity() ? ClientIdentity.PKCS12
                    : t.hasPemIdentity() ? ClientIdentity.PEM : ClientIdentity.NONE);
            clientCertificate.set(t.clientCertificate());
            clientKey.set(t.clientKey());
            pkcs12.set(t.pkcs12());
            verifyHostname.set(t.verifyHostname());
            keyPassword.stored = t.keyPassword() instanceof StoredSecret.Kept k ? Optional.of(k) : Optional.empty();
        });
        password.describe();
        keyPassword.describe();
        listen();
    }

    private void listen() {
        Observable[] all = {name, uri, version, clientId, keepAlive, persistentSession, sessionExpiry, username,
                topicFilters, hostId, caFile, identity, clientCertificate, clientKey, pkcs12, password.state,
                keyPassword.state};
        for (Observable o : all) {
            o.addListener(x -> {
                validate();
                edited = true;
            });
        }
        validate();
    }

    /** True once any field was changed after the draft was made (typed, or a password kept/removed/replaced). */
    public boolean isEdited() {
        return edited;
    }

    /** Lets the view-model refuse a name another broker already has. */
    void nameTaken(Predicate<String> taken) {
        this.nameTaken = taken;
        validate();
    }

    /** Recomputes every field's message; called on every change. */
    void validate() {
        Map<Field, String> found = new EnumMap<>(Field.class);
        String n = name.get().strip();
        if (n.isEmpty()) {
            found.put(Field.NAME, "is empty; give the label shown in the status bar");
        } else if (nameTaken.test(n)) {
            found.put(Field.NAME, "\"" + n + "\" is already used by another broker");
        }
        BrokerEntry.uriProblem(uri.get().strip()).ifPresent(p -> found.put(Field.URI, p));
        if (persistentSession.get() && clientId.get().isBlank()) {
            found.put(Field.CLIENT_ID, "is needed for a persistent session (the broker finds the session by it)");
        } else if (clientId.get().strip().length() > 65_535) {
            found.put(Field.CLIENT_ID, "is too long");
        }
        duration(keepAlive.get()).ifPresentOrElse(d -> {
            if (d.toSeconds() > 65_535) {
                found.put(Field.KEEP_ALIVE, "must be at most 65535 s, got " + keepAlive.get().strip());
            }
        }, () -> found.put(Field.KEEP_ALIVE, durationProblem(keepAlive.get())));
        if (persistentSession.get() && duration(sessionExpiry.get()).isEmpty()) {
            found.put(Field.SESSION_EXPIRY, durationProblem(sessionExpiry.get()));
        }
        filterProblem().ifPresent(p -> found.put(Field.TOPIC_FILTERS, p));
        String h = hostId.get().strip();
        if (h.contains("/") || h.contains("+") || h.contains("#")) {
            found.put(Field.HOST_ID, "must be one topic level without '/', '+' or '#'");
        }
        if (password.hasAny() && username.get().isBlank() && version.get() == MqttVersion.V3_1_1) {
            found.put(Field.USERNAME, "is empty but a password is set; MQTT 3.1.1 sends a password only with a user name");
        }
        if (tls.get()) {
            switch (identity.get()) {
                case PEM -> {
                    if (clientCertificate.get().isBlank()) {
                        found.put(Field.CLIENT_CERTIFICATE, "is empty; a PEM identity needs the certificate file");
                    }
                    if (clientKey.get().isBlank()) {
                        found.put(Field.CLIENT_KEY, "is empty; a PEM identity needs the private key file");
                    }
                }
                case PKCS12 -> {
                    if (pkcs12.get().isBlank()) {
                        found.put(Field.PKCS12, "is empty; give the .p12/.pfx file");
                    }
                }
                case NONE -> {
                }
            }
        } else if (!caFile.get().isBlank() || identity.get() != ClientIdentity.NONE) {
            found.put(Field.URI, "uses tcp:// but TLS settings are given; use ssl:// or clear the TLS fields");
        }
        errors.keySet().retainAll(found.keySet());
        errors.putAll(found);
        List<String> list = new ArrayList<>();
        errors.forEach((f, p) -> list.add(f.label() + ": " + p));
        if (!list.equals(problems)) {
            problems.setAll(list);
        }
    }

    private Optional<String> filterProblem() {
        List<String> lines = filterLines();
        if (lines.isEmpty()) {
            return Optional.of("none given; one filter per line, e.g. spBv1.0/#");
        }
        String[] raw = topicFilters.get().split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String f = raw[i].strip();
            if (f.isEmpty()) {
                continue;
            }
            try {
                TopicFilter.parse(f);
            } catch (IllegalArgumentException e) {
                return Optional.of("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private List<String> filterLines() {
        return Arrays.stream(topicFilters.get().split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Optional<Duration> duration(String text) {
        try {
            return Optional.of(DurationText.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String durationProblem(String text) {
        try {
            DurationText.parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /**
     * The entry to save. New passwords are copied into it; clear them with {@link #clearSecrets} after saving.
     *
     * @throws IllegalStateException when a field is invalid
     */
    public BrokerEntry toEntry() {
        if (!isValid()) {
            throw new IllegalStateException("broker '" + name.get() + "' has invalid fields: " + problems);
        }
        Optional<TlsEntry> t = Optional.empty();
        if (tls.get()) {
            ClientIdentity id = identity.get();
            t = Optional.of(new TlsEntry(caFile.get(), id == ClientIdentity.PEM ? clientCertificate.get() : "",
                    id == ClientIdentity.PEM ? clientKey.get() : "", id == ClientIdentity.PKCS12 ? pkcs12.get() : "",
                    id == ClientIdentity.NONE ? StoredSecret.none() : keyPassword.toSecret(), verifyHostname.get()));
        }
        return new BrokerEntry(origin, name.get().strip(), uri.get().strip(), version.get(), clientId.get().strip(),
                DurationText.parse(keepAlive.get()), !persistentSession.get(),
                persistentSession.get() ? DurationText.parse(sessionExpiry.get()) : BrokerConfig.DEFAULT_SESSION_EXPIRY,
                username.get().strip(), password.toSecret(), t, filterLines(), hostId.get().strip());
    }

    /** Wipes typed passwords (after saving or when the dialog closes). */
    public void clearSecrets() {
        password.clearTyped();
        keyPassword.clearTyped();
    }

    /** Copies a typed password; the caller clears its own array. An empty one changes nothing. */
    public void replacePassword(char[] typed) {
        password.replace(typed);
    }

    /** No password at all (the stored one is dropped when saved). */
    public void removePassword() {
        password.remove();
    }

    /** Undoes a replacement or removal: the stored password stays. */
    public void keepStoredPassword() {
        password.keep();
    }

    public void replaceKeyPassword(char[] typed) {
        keyPassword.replace(typed);
    }

    public void removeKeyPassword() {
        keyPassword.remove();
    }

    public ReadOnlyStringProperty passwordStateProperty() {
        return password.state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyPasswordStateProperty() {
        return keyPassword.state.getReadOnlyProperty();
    }

    public boolean hasStoredPassword() {
        return password.stored.isPresent();
    }

    public String origin() {
        return origin;
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty uriProperty() { return uri; }
    public ObjectProperty<MqttVersion> versionProperty() { return version; }
    public StringProperty clientIdProperty() { return clientId; }
    public StringProperty keepAliveProperty() { return keepAlive; }
    public BooleanProperty persistentSessionProperty() { return persistentSession; }
    public StringProperty sessionExpiryProperty() { return sessionExpiry; }
    public StringProperty usernameProperty() { return username; }
    public StringProperty topicFiltersProperty() { return topicFilters; }
    public StringProperty hostIdProperty() { return hostId; }
    public StringProperty caFileProperty() { return caFile; }
    public ObjectProperty<ClientIdentity> identityProperty() { return identity; }
    public StringProperty clientCertificateProperty() { return clientCertificate; }
    public StringProperty clientKeyProperty() { return clientKey; }
    public StringProperty pkcs12Property() { return pkcs12; }
    public BooleanProperty verifyHostnameProperty() { return verifyHostname; }

    /** Whether the URI is {@code ssl://}, which enables the TLS fields. */
    public BooleanBinding tlsProperty() { return tls; }

    /** Field → what is wrong with it; empty when the broker can be saved. */
    public ObservableMap<Field, String> errors() {
        return readOnlyErrors;
    }

    /** "Field: problem" lines in field order, for a summary. */
    public ObservableList<String> problems() {
        return readOnlyProblems;
    }

    @Override
    public String toString() {
        return name.get();
    }

    /** A stored secret, possibly replaced by a typed one or removed. */
    private static final class Secret {
        Optional<StoredSecret.Kept> stored = Optional.empty();
        boolean removed;
        char[] typed;
        final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("none");

        void replace(char[] pw) {
            if (pw == null || pw.length == 0) {
                return;
            }
            clearTyped();
            typed = pw.clone();
            removed = false;
            describe();
        }

        void remove() {
            clearTyped();
            removed = true;
            describe();
        }

        void keep() {
            clearTyped();
            removed = false;
            describe();
        }

        boolean hasAny() {
            return typed != null || stored.isPresent() && !removed;
        }

        StoredSecret toSecret() {
            if (typed != null) {
                return new StoredSecret.Replaced(typed);
            }
            return stored.isPresent() && !removed ? stored.get() : StoredSecret.none();
        }

        void clearTyped() {
            if (typed != null) {
                Arrays.fill(typed, '\0');
                typed = null;
            }
        }

        /** After a save the typed value is in the file: it becomes the stored one. */
        void describe() {
            state.set(typed != null ? "new, will be stored encrypted"
                    : stored.isPresent() && !removed ? stored.get().description() + " (kept unless replaced)"
                    : removed && stored.isPresent() ? "none (the stored one is removed on save)" : "none");
        }
    }
}
