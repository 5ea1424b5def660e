package org.plurigrid.console.client.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.plurigrid.console.client.files.AtomicFile;
import org.plurigrid.console.client.files.PrivateFiles;
import org.plurigrid.console.client.files.StrictJson;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.MqttVersion;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and rewrites the {@code brokers} section of {@code <home>/console.json} for the connection editor, keeping
 * every other key (JSON mappings, stale periods, a broker's {@code reconnect}) as it was. New passwords are written
 * only encrypted with {@link ConsoleSecrets}; stored ones are copied back untouched, never decrypted here. The new
 * file is checked with {@link ConsoleConfig#read} before it replaces the old one, atomically, with mode 0600.
 *
 * <p>Comments in the file are not kept (the JSON tree has none); the file is rewritten pretty-printed.
 */
public final class ConsoleConfigWriter {

    private final Path home;
    private final Path file;
    private final ObjectMapper mapper;

    public ConsoleConfigWriter(Path home) {
        this.home = Objects.requireNonNull(home, "home");
        this.file = home.resolve(ConsoleConfig.FILE_NAME);
        this.mapper = new ObjectMapper();
        mapper.enable(JsonParser.Feature.ALLOW_COMMENTS);
        mapper.enable(SerializationFeature.INDENT_OUTPUT);
    }

    public Path file() {
        return file;
    }

    /** The brokers as written in the file (no file yet: none); passwords only as "stored". */
    public List<BrokerEntry> readBrokers() throws ConfigException {
        Optional<ObjectNode> root = readTree();
        if (root.isEmpty()) {
            return List.of();
        }
        ConfigNode top = new ConfigNode(file, "", root.get());
        List<BrokerEntry> out = new ArrayList<>();
        for (ConfigNode b : top.objects("brokers")) {
            out.add(entry(b));
        }
        return out;
    }

    private BrokerEntry entry(ConfigNode b) throws ConfigException {
        String name = b.string("name");
        MqttVersion version = switch (b.optString("mqttVersion").orElse("5")) {
            case "3.1.1" -> MqttVersion.V3_1_1;
            default -> MqttVersion.V5;
        };
        Optional<ConfigNode> t = b.optObject("tls");
        Optional<TlsEntry> tls = Optional.empty();
        if (t.isPresent()) {
            ConfigNode n = t.get();
            StoredSecret keyPassword = n.has("clientKeyPassword") ? kept(n, "clientKeyPassword")
                    : n.has("pkcs12Password") ? kept(n, "pkcs12Password") : StoredSecret.none();
            tls = Optional.of(wrap(n, () -> new TlsEntry(n.optString("caFile").orElse(""),
                    n.optString("clientCertificate").orElse(""), n.optString("clientKey").orElse(""),
                    n.optString("pkcs12").orElse(""), keyPassword, n.bool("verifyHostname", true))));
        }
        List<String> filters = b.strings("topicFilters");
        Optional<TlsEntry> tlsEntry = tls;
        return wrap(b, () -> new BrokerEntry(name, name, b.string("uri"), version, b.optString("clientId").orElse(""),
                b.optDuration("keepAlive").orElse(BrokerConfig.DEFAULT_KEEP_ALIVE), b.bool("cleanStart", true),
                b.optDuration("sessionExpiry").orElse(BrokerConfig.DEFAULT_SESSION_EXPIRY),
                b.optString("username").orElse(""),
                b.has("password") ? kept(b, "password") : StoredSecret.none(), tlsEntry,
                filters.isEmpty() ? List.of(BrokerConfig.DEFAULT_TOPIC_FILTER) : filters,
                b.optString("hostId").orElse("")));
    }

    private static StoredSecret kept(ConfigNode parent, String key) {
        JsonNode v = parent.node.get(key);
        if (v.isObject() && v.has("file")) {
            return new StoredSecret.Kept("from file " + v.get("file").asText());
        }
        return new StoredSecret.Kept("stored, encrypted");
    }

    /**
     * Replaces the brokers of {@code console.json} (creating the file, with {@code "version": 1}, if there is none).
     *
     * @return the configuration as the console will read it
     * @throws ConfigException naming the broker and key when the result would not be a valid configuration; the
     *                         old file is then left as it was
     */
    public ConsoleConfig writeBrokers(List<BrokerEntry> brokers) throws ConfigException {
        write(withBrokers(brokers), true);
        return ConsoleConfig.load(home);
    }

    /**
     * What {@link #writeBrokers} would give, without changing {@code console.json}: e.g. to try a broker before
     * saving it. New passwords are encrypted into a 0600 temp file that is deleted before this returns.
     */
    public ConsoleConfig check(List<BrokerEntry> brokers) throws ConfigException {
        return write(withBrokers(brokers), false);
    }

    private ObjectNode withBrokers(List<BrokerEntry> brokers) throws ConfigException {
        ObjectNode root = readTree().orElseGet(() -> {
            ObjectNode r = mapper.createObjectNode();
            r.put("version", ConsoleConfig.FORMAT_VERSION);
            return r;
        });
        Map<String, ObjectNode> old = new HashMap<>();
        JsonNode oldBrokers = root.get("brokers");
        if (oldBrokers != null && oldBrokers.isArray()) {
            for (JsonNode b : oldBrokers) {
                if (b.isObject() && b.hasNonNull("name")) {
                    old.putIfAbsent(b.get("name").asText(), (ObjectNode) b);
                }
            }
        }
        ArrayNode out = mapper.createArrayNode();
        Set<String> names = new HashSet<>();
        ConsoleSecrets[] secrets = new ConsoleSecrets[1];
        for (int i = 0; i < brokers.size(); i++) {
            BrokerEntry e = brokers.get(i);
            String path = "brokers[" + i + "]";
            if (!names.add(e.name())) {
                throw new ConfigException(file, path + ".name", "\"" + e.name() + "\" is used by an earlier broker; "
                        + "names must be unique");
            }
            ObjectNode previous = e.isNew() ? null : old.get(e.origin());
            out.add(broker(e, previous, path, secrets));
        }
        root.set("brokers", out);
        return root;
    }

    private ObjectNode broker(BrokerEntry e, ObjectNode previous, String path, ConsoleSecrets[] secrets)
            throws ConfigException {
        ObjectNode o = previous == null ? mapper.createObjectNode() : previous.deepCopy();
        o.put("name", e.name());
        o.put("uri", e.uri().strip());
        o.put("mqttVersion", e.version() == MqttVersion.V3_1_1 ? "3.1.1" : "5");
        putOrRemove(o, "clientId", e.clientId());
        ArrayNode filters = o.putArray("topicFilters");
        e.topicFilters().forEach(filters::add);
        o.put("keepAlive", DurationText.format(e.keepAlive()));
        o.put("cleanStart", e.cleanStart());
        if (e.cleanStart()) {
            o.remove("sessionExpiry");
        } else {
            o.put("sessionExpiry", DurationText.format(e.sessionExpiry()));
        }
        putOrRemove(o, "username", e.username());
        secret(o, "password", e.password(), previous == null ? null : previous.get("password"), path + ".password",
                secrets);
        if (e.tls().isEmpty()) {
            o.remove("tls");
        } else {
            TlsEntry t = e.tls().get();
            JsonNode prevTls = previous == null ? null : previous.get("tls");
            ObjectNode tls = prevTls instanceof ObjectNode p ? p.deepCopy() : mapper.createObjectNode();
            putOrRemove(tls, "caFile", t.caFile());
            putOrRemove(tls, "clientCertificate", t.clientCertificate());
            putOrRemove(tls, "clientKey", t.clientKey());
            putOrRemove(tls, "pkcs12", t.pkcs12());
            JsonNode prevKeyPw = prevTls == null ? null
                    : prevTls.hasNonNull("clientKeyPassword") ? prevTls.get("clientKeyPassword")
                    : prevTls.get("pkcs12Password");
            tls.remove("clientKeyPassword");
            tls.remove("pkcs12Password");
            String key = t.hasPkcs12Identity() ? "pkcs12Password" : "clientKeyPassword";
            secret(tls, key, t.keyPassword(), prevKeyPw, path + ".tls." + key, secrets);
            tls.put("verifyHostname", t.verifyHostname());
            o.set("tls", tls);
        }
        putOrRemove(o, "hostId", e.hostId());
        return o;
    }

    private void secret(ObjectNode o, String key, StoredSecret s, JsonNode previous, String path,
                        ConsoleSecrets[] secrets) throws ConfigException {
        switch (s) {
            case StoredSecret.None none -> o.remove(key);
            case StoredSecret.Kept kept -> {
                if (previous == null || previous.isNull()) {
                    throw new ConfigException(file, path, "there is no stored password to keep; type one or choose none");
                }
                o.set(key, previous.deepCopy());
            }
            case StoredSecret.Replaced replaced -> {
                if (secrets[0] == null) {
                    secrets[0] = ConsoleSecrets.openOrCreate(home);
                }
                char[] pw = replaced.password();
                try {
                    o.putObject(key).put("encrypted", secrets[0].encrypt(pw));
                } finally {
                    Arrays.fill(pw, '\0');
                }
            }
        }
    }

    private static void putOrRemove(ObjectNode o, String key, String value) {
        if (value == null || value.isBlank()) {
            o.remove(key);
        } else {
            o.put(key, value.strip());
        }
    }

    private Optional<ObjectNode> readTree() throws ConfigException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root = ConsoleConfig.readStrict(file);
        if (root instanceof ObjectNode o) {
            return Optional.of(o);
        }
        throw new ConfigException(file, "", "expected a JSON object { \"version\": 1, \"brokers\": [ … ] }");
    }

    /**
     * Checked by the same reader as at start (from the text that will be written), then written with
     * {@link AtomicFile}: mode 600, forced to disk, moved over the target in one step.
     */
    private ConsoleConfig write(ObjectNode root, boolean replace) throws ConfigException {
        String text;
        ConsoleConfig checked;
        try {
            text = mapper.writeValueAsString(root) + "\n";
            checked = ConsoleConfig.fromTree(file, home, StrictJson.readText(text));
        } catch (StrictJson.Invalid | JsonProcessingException e) {
            throw new ConfigException(file, "", "the console would write invalid JSON: " + e.getMessage(), e);
        }
        if (!replace) {
            return checked;
        }
        try {
            AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8), PrivateFiles.OWNER_ONLY_FILE,
                    AtomicFile.IfExists.REPLACE);
        } catch (IOException e) {
            throw new ConfigException(file, "", "cannot be written: " + e.getMessage(), e);
        }
        return checked;
    }

    private interface Build<T> {
        T get() throws ConfigException;
    }

    private static <T> T wrap(ConfigNode n, Build<T> build) throws ConfigException {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(n.file, n.path, e.getMessage(), e);
        }
    }
}
