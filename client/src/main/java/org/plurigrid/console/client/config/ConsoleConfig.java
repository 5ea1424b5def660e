package org.plurigrid.console.client.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.plurigrid.console.client.files.PasswordFile;
import org.plurigrid.console.client.files.StrictJson;
import org.plurigrid.console.client.telemetry.BrokerConfig;
import org.plurigrid.console.client.telemetry.JsonMapping;
import org.plurigrid.console.client.telemetry.MqttVersion;
import org.plurigrid.console.client.telemetry.PointGlob;
import org.plurigrid.console.client.telemetry.RebirthPolicy;
import org.plurigrid.console.client.telemetry.StaleRule;
import org.plurigrid.console.client.telemetry.TelemetryService;
import org.plurigrid.console.client.telemetry.TelemetrySettings;
import org.plurigrid.console.client.telemetry.TlsSettings;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's configuration: broker connections and how telemetry is interpreted, read from
 * {@code <home>/console.json} (format in {@code docs/configuration.md}). Relative paths in the file are resolved
 * against the home folder. Passwords are never in clear text: a password file or a value encrypted with
 * {@link ConsoleSecrets}.
 *
 * @param file      the file it was read from
 * @param brokers   connections, in file order
 * @param telemetry default stale period, per-point expected periods, rebirth policy
 * @param drPrograms per DR program settings
 * @param jsonMappings the plain-JSON topic mappings (checked here; decoded by the bundled JSON-topics plugin, which is
 *                  handed them as its section)
 * @param pluginSections each plugin's own section, by plugin id: {@code plugins.<id>} objects, and the JSON-topics
 *                  plugin's {@code jsonMappings}, kept at the top level where existing files have them
 */
public record ConsoleConfig(Path file, List<BrokerConfig> brokers, TelemetrySettings telemetry,
                            List<org.plurigrid.console.client.dr.DrProgramSettings> drPrograms,
                            List<JsonMapping> jsonMappings, Map<String, JsonNode> pluginSections) {

    public static final String FILE_NAME = "console.json";
    public static final int FORMAT_VERSION = 1;

    public ConsoleConfig {
        Objects.requireNonNull(file, "file");
        brokers = List.copyOf(brokers);
        Objects.requireNonNull(telemetry, "telemetry");
        drPrograms = List.copyOf(drPrograms);
        jsonMappings = List.copyOf(jsonMappings);
        Map<String, JsonNode> copy = new java.util.TreeMap<>();
        pluginSections.forEach((id, section) -> copy.put(id, section.deepCopy()));
        pluginSections = java.util.Collections.unmodifiableMap(copy);
    }

    public ConsoleConfig(Path file, List<BrokerConfig> brokers, TelemetrySettings telemetry) {
        this(file, brokers, telemetry, List.of(), List.of(), Map.of());
    }

    /** Without the plugins' sections' content, which may hold what a plugin considers private. */
    @Override
    public String toString() {
        return "ConsoleConfig[file=" + file + ", brokers=" + brokers + ", telemetry=" + telemetry + ", drPrograms="
                + drPrograms + ", jsonMappings=" + jsonMappings.size() + ", pluginSections=" + pluginSections.keySet()
                + "]";
    }

    /** The section of the plugin with this id, a copy the plugin may keep; an empty object when there is none. */
    public JsonNode pluginSection(String pluginId) {
        JsonNode section = pluginSections.get(pluginId);
        return section == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : section.deepCopy();
    }

    /** Whether delivery reports of {@code programId} also carry {@code /grid.grid.MsgSubmitPower} (off unless configured). */
    public boolean submitPower(String programId) {
        return drPrograms.stream().anyMatch(p -> p.programId().equals(programId) && p.submitPower());
    }

    /** Reads {@code <home>/console.json}. */
    public static ConsoleConfig load(Path home) throws ConfigException {
        return read(home.resolve(FILE_NAME), home);
    }

    /** Reads a configuration file; relative paths and the secret key file are looked up in {@code home}. */
    public static ConsoleConfig read(Path file, Path home) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file, "", "no such file; create it as described in docs/configuration.md");
        }
        return fromTree(file, home, readStrict(file));
    }

    /** A configuration from its parsed tree; {@code file} names it in messages. */
    static ConsoleConfig fromTree(Path file, Path home, JsonNode root) throws ConfigException {
        if (root == null || !root.isObject()) {
            throw new ConfigException(file, "", "expected a JSON object { \"version\": 1, \"brokers\": [ … ] }");
        }
        return new Reader(file, home).config(new ConfigNode(file, "", root));
    }

    /** The file as a JSON tree, strictly: bounded size and depth, no duplicate keys, nothing after the object. */
    static JsonNode readStrict(Path file) throws ConfigException {
        try {
            return StrictJson.readFile(file);
        } catch (StrictJson.Invalid e) {
            throw new ConfigException(file, e.key(), e.getMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(file, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Turns the tree into records; secrets are opened only when an encrypted value needs them. */
    private static final class Reader {
        private static final Logger LOG = LoggerFactory.getLogger(ConsoleConfig.class);

        private final Path file;
        private final Path home;
        private ConsoleSecrets secrets;

        Reader(Path file, Path home) {
            this.file = file;
            this.home = home;
        }

        ConsoleConfig config(ConfigNode root) throws ConfigException {
            root.onlyKeys("version", "hostId", "stalePeriod", "brokers", "jsonMappings", "stalePeriods",
                    "rebirthAllowList", "demandResponse", "plugins");
            int version = root.optNumber("version").map(Double::intValue)
                    .orElseThrow(() -> root.error("version", "missing; expected " + FORMAT_VERSION));
            if (version != FORMAT_VERSION) {
                throw root.error("version", "expected " + FORMAT_VERSION + " (this console's format), got " + version);
            }
            String hostId = root.optString("hostId").orElse("");
            Duration stale = root.optDuration("stalePeriod").orElse(TelemetryService.DEFAULT_STALE_PERIOD);
            List<BrokerConfig> brokers = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (ConfigNode b : root.objects("brokers")) {
                BrokerConfig c = broker(b, hostId);
                if (!names.add(c.name())) {
                    throw b.error("name", "\"" + c.name() + "\" is used by an earlier broker; names must be unique");
                }
                brokers.add(c);
            }
            if (brokers.isEmpty()) {
                throw root.error("brokers", "expected at least one broker");
            }
            List<JsonMapping> mappings = JsonMappingsReader.read(file, root.node);
            Map<String, JsonNode> sections = new java.util.TreeMap<>();
            Optional<ConfigNode> plugins = root.optObject("plugins");
            if (plugins.isPresent()) {
                for (Map.Entry<String, JsonNode> e : plugins.get().node.properties()) {
                    if (e.getKey().equals(JsonMappingsReader.PLUGIN_ID)) {
                        throw plugins.get().error(e.getKey(), "the JSON topic mappings are configured under the top-level"
                                + " \"" + JsonMappingsReader.KEY + "\"");
                    }
                    if (!e.getValue().isObject()) {
                        throw plugins.get().error(e.getKey(), "expected an object { … }, the plugin's own settings");
                    }
                    sections.put(e.getKey(), e.getValue());
                }
            }
            sections.put(JsonMappingsReader.PLUGIN_ID, JsonMappingsReader.section(root.node.get(JsonMappingsReader.KEY)));
            List<StaleRule> rules = new ArrayList<>();
            for (ConfigNode r : root.objects("stalePeriods")) {
                r.onlyKeys("points", "period");
                String points = r.string("points");
                Duration period = r.optDuration("period").orElseThrow(() -> r.error("period",
                        "missing; expected a duration such as \"60s\""));
                StaleRule rule = wrap(r, "points", () -> new StaleRule(points, period));
                if (PointGlob.isMqttStyle(points)) {
                    LOG.warn("{}: {} \"{}\" is an MQTT filter, which is deprecated for point patterns; write the glob "
                            + "\"{}\" (* one level, ** the rest)", r.file, r.key("points"), points,
                            rule.pointPattern());
                }
                rules.add(rule);
            }
            List<String> allowList = root.strings("rebirthAllowList");
            RebirthPolicy rebirth = wrap(root, "rebirthAllowList", () -> RebirthPolicy.DEFAULTS.withAllowList(allowList));
            List<org.plurigrid.console.client.dr.DrProgramSettings> programs = new ArrayList<>();
            Optional<ConfigNode> dr = root.optObject("demandResponse");
            if (dr.isPresent()) {
                dr.get().onlyKeys("programs");
                Set<String> ids = new HashSet<>();
                for (ConfigNode p : dr.get().objects("programs")) {
                    p.onlyKeys("id", "submitPower");
                    String id = p.string("id");
                    if (!ids.add(id)) {
                        throw p.error("id", "\"" + id + "\" is configured twice");
                    }
                    programs.add(new org.plurigrid.console.client.dr.DrProgramSettings(id, p.bool("submitPower", false)));
                }
            }
            return new ConsoleConfig(file, brokers, new TelemetrySettings(stale, rules).withRebirth(rebirth), programs,
                    mappings, sections);
        }

        private BrokerConfig broker(ConfigNode b, String defaultHostId) throws ConfigException {
            b.onlyKeys("name", "uri", "mqttVersion", "clientId", "topicFilters", "keepAlive", "cleanStart",
                    "sessionExpiry", "username", "password", "tls", "reconnect", "hostId");
            String name = b.string("name");
            String uri = b.string("uri");
            BrokerConfig.Builder builder = BrokerConfig.builder(name, uri);
            Optional<String> version = b.optString("mqttVersion");
            if (version.isPresent()) {
                builder.version(switch (version.get()) {
                    case "5", "5.0" -> MqttVersion.V5;
                    case "3.1.1" -> MqttVersion.V3_1_1;
                    default -> throw b.error("mqttVersion", "expected \"5\" or \"3.1.1\", got \"" + version.get()
                            + "\"");
                });
            }
            b.optString("clientId").ifPresent(builder::clientId);
            List<String> filters = b.strings("topicFilters");
            if (!filters.isEmpty()) {
                builder.topicFilters(filters);
            }
            b.optDuration("keepAlive").ifPresent(builder::keepAlive);
            boolean clean = b.bool("cleanStart", true);
            if (!clean) {
                if (!b.has("clientId")) {
                    throw b.error("cleanStart", "false (a persistent session) needs a fixed \"clientId\" as well");
                }
                builder.persistentSession(b.optDuration("sessionExpiry").orElse(BrokerConfig.DEFAULT_SESSION_EXPIRY));
            } else if (b.has("sessionExpiry")) {
                throw b.error("sessionExpiry", "only applies with \"cleanStart\": false");
            }
            b.optString("username").ifPresent(builder::username);
            if (b.has("password")) {
                char[] pw = secret(b, "password");
                builder.password(pw);
                Arrays.fill(pw, '\0');
            }
            Optional<ConfigNode> tls = b.optObject("tls");
            if (tls.isPresent()) {
                builder.tls(tls(tls.get()));
            }
            Optional<ConfigNode> reconnect = b.optObject("reconnect");
            if (reconnect.isPresent()) {
                ConfigNode r = reconnect.get().onlyKeys("initialDelay", "maxDelay");
                builder.reconnectDelay(r.optDuration("initialDelay").orElse(BrokerConfig.DEFAULT_RECONNECT_DELAY),
                        r.optDuration("maxDelay").orElse(BrokerConfig.DEFAULT_MAX_RECONNECT_DELAY));
            }
            builder.hostId(b.optString("hostId").orElse(defaultHostId));
            return wrap(b, "", builder::build);
        }

        private TlsSettings tls(ConfigNode t) throws ConfigException {
            t.onlyKeys("caFile", "clientCertificate", "clientKey", "clientKeyPassword", "pkcs12", "pkcs12Password",
                    "verifyHostname");
            Optional<java.nio.file.Path> ca = t.optString("caFile").isPresent()
                    ? Optional.of(readable(t, "caFile")) : Optional.empty();
            TlsSettings s = new TlsSettings(ca, Optional.empty(), t.bool("verifyHostname", true));
            boolean pem = t.has("clientCertificate") || t.has("clientKey");
            if (pem && t.has("pkcs12")) {
                throw t.error("pkcs12", "give either clientCertificate + clientKey (PEM) or pkcs12, not both");
            }
            if (pem) {
                if (!t.has("clientCertificate") || !t.has("clientKey")) {
                    throw t.error(t.has("clientKey") ? "clientCertificate" : "clientKey",
                            "missing; a PEM client identity needs both clientCertificate and clientKey");
                }
                char[] pw = t.has("clientKeyPassword") ? secret(t, "clientKeyPassword") : new char[0];
                s = s.withClientIdentity(new TlsSettings.PemIdentity(readable(t, "clientCertificate"),
                        readable(t, "clientKey"), pw));
                Arrays.fill(pw, '\0');
            } else if (t.has("pkcs12")) {
                char[] pw = t.has("pkcs12Password") ? secret(t, "pkcs12Password") : new char[0];
                s = s.withClientIdentity(new TlsSettings.Pkcs12Identity(readable(t, "pkcs12"), pw));
                Arrays.fill(pw, '\0');
            } else if (t.has("clientKeyPassword") || t.has("pkcs12Password")) {
                throw t.error(t.has("clientKeyPassword") ? "clientKeyPassword" : "pkcs12Password",
                        "given without a client identity (clientCertificate + clientKey, or pkcs12)");
            }
            return s;
        }

        /** A secret given as {"file": path} or {"encrypted": "pgc1:…"}; a plain string is refused. */
        private char[] secret(ConfigNode parent, String key) throws ConfigException {
            JsonNode v = parent.node.get(key);
            if (v.isTextual()) {
                throw parent.error(key, "passwords are not stored in clear text; write {\"file\": \"path\"} or "
                        + "{\"encrypted\": \"pgc1:…\"} (made by `telemetry secret`), see docs/configuration.md");
            }
            ConfigNode s = parent.optObject(key).orElseThrow();
            s.onlyKeys("file", "encrypted");
            if (s.has("file") == s.has("encrypted")) {
                throw s.error("", "expected exactly one of \"file\" or \"encrypted\"");
            }
            if (s.has("file")) {
                Path f = readable(s, "file");
                try {
                    // The first line only: editors add a final newline that is not part of the password.
                    char[] line = PasswordFile.readFirstLine(f);
                    if (line.length == 0) {
                        throw s.error("file", "the password file " + f + " is empty");
                    }
                    return line;
                } catch (IOException e) {
                    throw new ConfigException(file, s.key("file"), "cannot read " + f + ": " + e.getMessage(), e);
                }
            }
            String value = s.string("encrypted");
            if (secrets == null) {
                secrets = ConsoleSecrets.open(home);
            }
            try {
                return secrets.decrypt(value);
            } catch (IllegalArgumentException e) {
                throw s.error("encrypted", e.getMessage());
            }
        }

        private Path readable(ConfigNode n, String key) throws ConfigException {
            Path p = home.resolve(n.string(key));
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw n.error(key, "expected a readable file, but " + p + " does not exist or cannot be read");
            }
            return p;
        }

        private interface Build<T> {
            T get();
        }

        /** Record validation reports what is wrong; this adds where. */
        private static <T> T wrap(ConfigNode n, String key, Build<T> build) throws ConfigException {
            try {
                return build.get();
            } catch (IllegalArgumentException e) {
                throw new ConfigException(n.file, key.isEmpty() ? n.path : n.key(key), e.getMessage(), e);
            }
        }
    }
}
