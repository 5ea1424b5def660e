package org.plurigrid.console.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.plurigrid.console.client.chain.CoinAmount;
import org.plurigrid.console.client.chain.SignedTx;
import org.plurigrid.console.client.chain.SignerData;
import org.plurigrid.console.client.chain.TxFee;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxSigner;
import org.plurigrid.console.client.dr.ChainEvent;
import org.plurigrid.console.client.dr.DerDevice;
import org.plurigrid.console.client.dr.DeviceState;
import org.plurigrid.console.client.dr.DispatchOutcome;
import org.plurigrid.console.client.dr.DispatchProgress;
import org.plurigrid.console.client.dr.DispatchRequest;
import org.plurigrid.console.client.dr.DrChainClient;
import org.plurigrid.console.client.dr.DrEvent;
import org.plurigrid.console.client.dr.EventBaselines;
import org.plurigrid.console.client.dr.IntervalPeriod;
import org.plurigrid.console.client.dr.LiveEvent;
import org.plurigrid.console.client.dr.Measurement;
import org.plurigrid.console.client.dr.OpenAdrJson;
import org.plurigrid.console.client.dr.PayloadType;
import org.plurigrid.console.client.dr.ProgramInfo;
import org.plurigrid.console.client.wallet.KeyInfo;
import org.plurigrid.console.client.wallet.Keystore;
import org.plurigrid.console.client.wallet.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dr programs|events|dispatch|status|cancel|settle|export|import}: demand response from the command line — the
 * program contract on chain (signed like votes), the devices over MQTT (Sparkplug DCMD, acknowledged in DDATA).
 */
@Command(name = "dr", description = "Demand response: OpenADR 3.1 events on a CosmWasm program, devices over Sparkplug B.",
        mixinStandardHelpOptions = true, subcommands = {DrCommand.Programs.class, DrCommand.Events.class, DrCommand.Dispatch.class,
        DrCommand.Status.class, DrCommand.Cancel.class, DrCommand.Settle.class, DrCommand.Export.class, DrCommand.Import.class})
public final class DrCommand {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Options every dr command shares: the program's contract and the node. */
    static class ContractOptions {
        @Option(names = "--contract", paramLabel = "ADDRESS", description = "The DR program's contract address.")
        String contract;
        @Option(names = "--prefix", paramLabel = "HRP", defaultValue = "cosmos", description = "Bech32 prefix (default: ${DEFAULT-VALUE}).")
        String prefix;
    }

    /** The broker the devices are on. */
    static class BrokerOption {
        @Option(names = "--broker", paramLabel = "tcp://HOST:PORT", defaultValue = "tcp://127.0.0.1:1883",
                description = "MQTT broker of the devices (default: ${DEFAULT-VALUE}).")
        String broker;
    }

    static Duration duration(String text, String option) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new CliException(option + " must be an ISO 8601 duration such as PT2M, was '" + text + "'");
        }
    }

    static ObjectNode eventJson(ChainEvent e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("eventId", e.eventId());
        n.put("programId", e.programId());
        n.put("target", e.target());
        n.put("type", e.payloadType().name());
        n.put("value", e.value());
        n.put("units", e.units());
        n.put("start", e.start().toString());
        n.put("duration", e.duration().toString());
        n.put("state", e.state().name().toLowerCase(Locale.ROOT));
        n.put("height", e.height());
        ArrayNode o = n.putArray("overlaps");
        e.overlaps().forEach(o::add);
        return n;
    }

    /** The devices of {@code e} by their state ({@code "acknowledged": 3}), as dispatch and status print them. */
    static void putStates(ObjectNode n, LiveEvent e) {
        ObjectNode states = n.putObject("states");
        e.counts().forEach((st, c) -> states.put(st.name().toLowerCase(Locale.ROOT), c));
    }

    /** The event {@code eventId} of the session's program; refused when the program has none of that id. */
    static ChainEvent event(DrSession s, String eventId) {
        return s.contract.event(eventId).orElseThrow(() -> new CliException("No event " + eventId + " on the program"));
    }

    /** What a command waiting on devices or the chain says when interrupted; the thread keeps its interrupt. */
    static CliException interrupted() {
        Thread.currentThread().interrupt();
        return new CliException("Interrupted");
    }

    static String print(ObjectNode n) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static SigningKey unlock(HomeOption home, PasswordOption password, String key) {
        Keystore ks = KeysCommand.keystore(home.home());
        KeyInfo info = ks.show(key);
        if (info.watchOnly()) {
            throw new CliException("Key '" + key + "' is watch-only: it cannot sign");
        }
        return ks.unlock(key, password.forKey(key, false));
    }

    /** Where dispatch keeps each event's meter-before baseline, so a later status or settle (or the window) measures delivery. */
    static EventBaselines baselines(HomeOption home) {
        return EventBaselines.in(home.home().resolve("dr"));
    }

    static void saveBaseline(HomeOption home, LiveEvent e) {
        try {
            baselines(home).saveBaselines(e.eventId(), e.baselines());
        } catch (IOException ex) {
            throw new CliException("Cannot write the baseline of " + e.eventId() + ": " + ex.getMessage());
        }
    }

    /** Adds what this run measured (mean import per device since the event start, kW) to the event's file. */
    static void saveMeasured(HomeOption home, String eventId, Measurement m) {
        Map<DerDevice, Double> measured = new LinkedHashMap<>();
        m.perDevice().forEach((d, v) -> measured.put(d, v[1]));
        try {
            baselines(home).saveMeasured(eventId, measured);
        } catch (IOException ex) {
            throw new CliException("Cannot write the measurement of " + eventId + ": " + ex.getMessage());
        }
    }

    static Map<DerDevice, Double> loadBaseline(HomeOption home, String eventId) {
        try {
            return baselines(home).baselines(eventId);
        } catch (IOException ex) {
            throw new CliException(ex.getMessage());
        }
    }

    static Map<DerDevice, Double> loadMeasured(HomeOption home, String eventId) {
        try {
            return baselines(home).measured(eventId);
        } catch (IOException ex) {
            throw new CliException(ex.getMessage());
        }
    }

    /** Closes the --history recording when the command ends; a failure to close it only warns. */
    private record HistoryCloser(org.plurigrid.console.client.recording.RecordingReader reader) implements AutoCloseable {
        @Override
        public void close() {
            if (reader != null) {
                try {
                    reader.close();
                } catch (org.plurigrid.console.client.recording.RecordingException e) {
                    System.err.println("Warning: " + e.getMessage());
                }
            }
        }
    }

    /**
     * The programs whose delivery reports also carry {@code /grid.grid.MsgSubmitPower}: {@code demandResponse.programs}
     * of {@code <home>/console.json} when there is one (none otherwise).
     */
    static java.util.function.Predicate<String> submitPowerPrograms(HomeOption home) {
        Path file = home.home().resolve(org.plurigrid.console.client.config.ConsoleConfig.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return program -> false;
        }
        try {
            return org.plurigrid.console.client.config.ConsoleConfig.load(home.home())::submitPower;
        } catch (org.plurigrid.console.client.config.ConfigException e) {
            throw new CliException(e.getMessage());
        }
    }

    @Command(name = "programs", description = "Show the DR program: limits, pool, participants.", mixinStandardHelpOptions = true)
    static final class Programs extends CliCommand {
        @Mixin
        NodeOptions node;
        @Mixin
        ContractOptions contract;
        @Option(names = "--json", description = "One JSON object.")
        boolean json;

        @Override
        int run() {
            try (DrSession s = DrSession.open(node, contract.prefix, contract.contract, null)) {
                ProgramInfo p = s.contract.program();
                if (json) {
                    ObjectNode n = JSON.createObjectNode();
                    n.put("programId", p.programId());
                    n.put("programName", p.programName());
                    n.put("contract", p.contract());
                    n.put("pool", p.pool() + p.denom());
                    n.put("rewardPerKwh", p.rewardPerKwh() + p.denom());
                    p.maxKw().ifPresent(v -> n.put("maxKw", v));
                    p.maxDuration().ifPresent(v -> n.put("maxDuration", v.toString()));
                    n.put("participants", p.participants().size());
                    out().println(print(n));
                } else {
                    out().printf("%s  %s  contract %s%n  pool %s%s, reward %s%s per kWh, limits %s KW for %s, %d participants%n",
                            p.programId(), p.programName(), p.contract(), p.pool(), p.denom(), p.rewardPerKwh(), p.denom(),
                            p.maxKw().map(String::valueOf).orElse("-"), p.maxDuration().map(Duration::toString).orElse("-"),
                            p.participants().size());
                }
            }
            return 0;
        }
    }

    @Command(name = "events", description = "List the program's events.", mixinStandardHelpOptions = true)
    static final class Events extends CliCommand {
        @Mixin
        NodeOptions node;
        @Mixin
        ContractOptions contract;
        @Option(names = "--json", description = "A JSON array.")
        boolean json;

        @Override
        int run() {
            try (DrSession s = DrSession.open(node, contract.prefix, contract.contract, null)) {
                List<ChainEvent> events = s.contract.events();
                if (json) {
                    ArrayNode a = JSON.createArrayNode();
                    events.forEach(e -> a.add(eventJson(e)));
                    out().println(a.toPrettyString());
                } else {
                    for (ChainEvent e : events) {
                        out().printf("%-22s %-10s %-16s %-27s %8.1f %-4s %s %s%n", e.eventId(), e.state().name().toLowerCase(Locale.ROOT),
                                e.target(), e.payloadType(), e.value(), e.units(), e.start(), e.duration());
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "dispatch", description = "Dispatch an event: sign dispatch_event, then command the target's devices.",
            mixinStandardHelpOptions = true)
    static final class Dispatch extends CliCommand {
        @Option(names = "--program", paramLabel = "ID", description = "Program id; must match the contract's program.")
        String program;
        @Option(names = "--target", paramLabel = "T", required = true, description = "Community grid, substation or device id.")
        String target;
        @Option(names = "--type", paramLabel = "PAYLOAD_TYPE", required = true, description = "IMPORT_CAPACITY_LIMIT, EXPORT_CAPACITY_LIMIT, "
                + "DISPATCH_SETPOINT, DISPATCH_SETPOINT_RELATIVE, CHARGE_STATE_SETPOINT or SIMPLE.")
        String type;
        @Option(names = "--value", paramLabel = "N", required = true)
        double value;
        @Option(names = "--units", paramLabel = "UNITS", defaultValue = "KW")
        String units;
        @Option(names = "--duration", paramLabel = "PT2M", required = true)
        String duration;
        @Option(names = "--start", paramLabel = "now|ISO-8601", defaultValue = "now")
        String start;
        @Option(names = "--randomize-start", paramLabel = "PT30S")
        String randomize;
        @Option(names = "--priority", paramLabel = "N")
        Integer priority;
        @Option(names = "--ramp", paramLabel = "PT10S", defaultValue = "PT5S", description = "Devices ramp over this time (default: ${DEFAULT-VALUE}).")
        String ramp;
        @Option(names = "--wait", paramLabel = "PT20S", defaultValue = "PT20S", description = "Wait this long for acknowledgements.")
        String await;
        @Option(names = "--baseline-window", paramLabel = "PT5S", defaultValue = "PT5S",
                description = "Watch the devices this long before signing, for the meter-before baseline (default: ${DEFAULT-VALUE}).")
        String baselineWindow;
        @Option(names = "--history", paramLabel = "FILE.duckdb",
                description = "A recording with days of the devices' history: their baselines are then high 5 of 10 days with a "
                        + "day-of adjustment (0.8–1.2), meter-before only for devices with fewer days recorded.")
        Path history;
        @Option(names = "--allow-overlap", description = "Dispatch even when another event acts on the target then.")
        boolean allowOverlap;
        @Option(names = {"--key", "--from"}, paramLabel = "NAME", required = true, description = "Key that signs.")
        String key;
        @Option(names = "--json", description = "One JSON object with eventId, txHash, height, commanded, acknowledged.")
        boolean json;
        @Mixin
        HomeOption home;
        @Mixin
        PasswordOption password;
        @Mixin
        NodeOptions node;
        @Mixin
        ContractOptions contract;
        @Mixin
        BrokerOption broker;
        @Mixin
        OfflineOptions offline;

        DispatchRequest request() {
            Instant s;
            if (start.equalsIgnoreCase("now")) {
                s = IntervalPeriod.NOW;
            } else {
                try {
                    s = java.time.OffsetDateTime.parse(start).toInstant();
                } catch (DateTimeParseException e) {
                    throw new CliException("--start must be 'now' or an ISO 8601 time such as 2026-12-03T08:00:00Z, was '" + start + "'");
                }
            }
            return new DispatchRequest(target, PayloadType.parse(type), value, units.toUpperCase(Locale.ROOT), s,
                    duration(duration, "--duration"), Optional.ofNullable(randomize).map(r -> duration(r, "--randomize-start")),
                    Optional.ofNullable(priority), duration(ramp, "--ramp"));
        }

        @Override
        int run() {
            DispatchRequest r = request();
            if (offline.offline) {
                offline.requireComplete();
                if (contract.contract == null) {
                    throw new CliException("--offline needs --contract ADDRESS");
                }
                String chainId = node.requireChainId();
                SigningKey k = unlock(home, password, key);
                String eventId = "ev-" + Instant.now().getEpochSecond();
                var msg = org.plurigrid.console.client.chain.ChainClient.executeContractMessage(k.address(contract.prefix).bech32(),
                        contract.contract, DrChainClient.dispatchJson(eventId, r, Instant.now()), List.of());
                SignedTx tx = TxSigner.sign(List.of(msg), "dr dispatch " + eventId, new TxFee(CoinAmount.parse(offline.fees), offline.gas),
                        new SignerData(chainId, offline.accountNumber, offline.sequence), k);
                out().println(tx.hex());
                return 0;
            }
            node.requireChainId();
            org.plurigrid.console.client.recording.RecordingReader historyReader = null;
            if (history != null) {
                try {
                    historyReader = org.plurigrid.console.client.recording.RecordingReader.openDuckDb(history);
                } catch (org.plurigrid.console.client.recording.RecordingException e) {
                    throw new CliException("--history: " + e.getMessage());
                }
            }
            try (DrSession s = DrSession.open(node, contract.prefix, contract.contract, broker.broker);
                 HistoryCloser closeHistory = new HistoryCloser(historyReader)) {
                if (historyReader != null) {
                    s.service.baselinesFrom(new org.plurigrid.console.client.dr.RecordedImportHistory(historyReader),
                            org.plurigrid.console.client.dr.XofYBaseline.defaults(), java.time.ZoneId.systemDefault());
                }
                s.chain.checkChainId();
                ProgramInfo p = s.contract.program();
                if (program != null && !program.equals(p.programId())) {
                    throw new CliException("Contract " + contract.contract + " runs program " + p.programId() + ", not " + program);
                }
                p.refusal(r).ifPresent(msg -> {
                    throw new CliException(msg);
                });
                SigningKey k = unlock(home, password, key);
                s.awaitDevices(r.target(), Duration.ofSeconds(15));
                Thread.sleep(duration(baselineWindow, "--baseline-window").toMillis());
                Instant t0 = Instant.now();
                java.util.concurrent.CountDownLatch fromHistory = new java.util.concurrent.CountDownLatch(historyReader != null ? 1 : 0);
                DispatchOutcome outcome = s.service.dispatch(r, k, allowOverlap, pr -> {
                    if (pr instanceof DispatchProgress.Baselines) {
                        fromHistory.countDown();
                    }
                    if (!(pr instanceof DispatchProgress.DeviceUpdate)) {
                        err().println("… " + pr);
                        err().flush();
                    }
                });
                return switch (outcome) {
                    case DispatchOutcome.Refused ref -> throw new CliException(ref.reason());
                    case DispatchOutcome.Rejected rej -> throw new CliException(rej.rejection().message());
                    case DispatchOutcome.Unconfirmed u -> throw new CliException("tx " + u.timedOut().txHash()
                            + " was broadcast but not seen in a block; no device was commanded");
                    case DispatchOutcome.Dispatched d -> {
                        LiveEvent e = d.event();
                        // the X-of-Y baselines are read from the history after the commands went out
                        if (!fromHistory.await(2, java.util.concurrent.TimeUnit.MINUTES)) {
                            err().println("The baselines from --history took over 2 minutes; reporting meter-before ones");
                        }
                        saveBaseline(home, e);
                        e.awaitAcks(1.0, duration(await, "--wait"));
                        Measurement m = e.measure(s.tracker, Instant.now());
                        ObjectNode n = JSON.createObjectNode();
                        n.put("eventId", e.eventId());
                        n.put("txHash", e.txHash());
                        n.put("height", e.height());
                        n.put("target", e.target());
                        n.put("commanded", e.commanded());
                        n.put("acknowledged", e.acknowledged());
                        putStates(n, e);
                        n.put("requestedKw", m.requestedKw());
                        n.put("baselineKw", round(m.baselineKw()));
                        n.put("measuredKw", round(m.measuredKw()));
                        n.put("deliveredKw", round(m.deliveredKw()));
                        n.put("dispatchToCommandMs", Duration.between(t0, e.commandedAt()).toMillis());
                        if (e.firstAck() != null) {
                            n.put("commandToFirstAckMs", Duration.between(e.commandedAt(), e.firstAck()).toMillis());
                        }
                        e.timeToAckShare(0.95).ifPresent(t -> n.put("commandTo95PercentAcksMs", t.toMillis()));
                        if (json) {
                            out().println(print(n));
                        } else {
                            out().printf("Event %s included at height %d (tx %s): %d devices commanded, %d acknowledged%n",
                                    e.eventId(), e.height(), e.txHash(), e.commanded(), e.acknowledged());
                        }
                        yield 0;
                    }
                };
            } catch (InterruptedException ex) {
                throw interrupted();
            }
        }
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @Command(name = "status", description = "An event's state on chain and its devices' response from telemetry.", mixinStandardHelpOptions = true)
    static final class Status extends CliCommand {
        @Parameters(index = "0", paramLabel = "EVENT_ID")
        String eventId;
        @Option(names = "--listen", paramLabel = "PT5S", defaultValue = "PT5S", description = "Listen to the devices this long.")
        String listen;
        @Option(names = "--json", description = "One JSON object.")
        boolean json;
        @Mixin
        HomeOption home;
        @Mixin
        NodeOptions node;
        @Mixin
        ContractOptions contract;
        @Mixin
        BrokerOption broker;

        @Override
        int run() {
            try (DrSession s = DrSession.open(node, contract.prefix, contract.contract, broker.broker)) {
                ChainEvent e = event(s, eventId);
                s.awaitDevices(e.target(), Duration.ofSeconds(10));
                Thread.sleep(duration(listen, "--listen").toMillis());
                LiveEvent live = s.service.resume(e, pr -> { });
                Map<DerDevice, Double> baselines = loadBaseline(home, eventId);
                if (baselines.isEmpty()) {
                    baselines = live.baselines();
                }
                Instant now = Instant.now();
                Instant endOfDelivery = e.endOfDelivery();
                Measurement m = LiveEvent.measure(s.tracker, baselines, live.requestedKw(), e.start(), endOfDelivery,
                        now.isBefore(endOfDelivery) ? now : endOfDelivery);
                double baseline = m.baselineKw();
                double measured = m.measuredKw();
                if (now.isAfter(e.start()) && e.state() != ChainEvent.State.SETTLED) {
                    saveMeasured(home, eventId, m);
                }
                ObjectNode n = eventJson(e);
                n.put("commanded", Math.max(live.commanded(), baselines.size()));
                n.put("acknowledged", live.acknowledged());
                putStates(n, live);
                n.put("requestedKw", m.requestedKw());
                n.put("baselineKw", round(e.baselineKw().orElse(baseline)));
                n.put("measuredKw", round(e.measuredKw().orElse(measured)));
                n.put("deliveredKw", round(e.baselineKw().orElse(baseline) - e.measuredKw().orElse(measured)));
                if (json) {
                    out().println(print(n));
                } else {
                    out().printf("%s %s on %s: %d commanded, %d acknowledged; baseline %.1f kW, measured %.1f kW, delivered %.1f kW%n",
                            e.eventId(), e.state().name().toLowerCase(Locale.ROOT), e.target(), n.get("commanded").asInt(), live.acknowledged(),
                            n.get("baselineKw").asDouble(), n.get("measuredKw").asDouble(), n.get("deliveredKw").asDouble());
                }
                return 0;
            } catch (InterruptedException ex) {
                throw interrupted();
            }
        }
    }

    /**
     * What cancel and settle share: the event's id, the signing key and the node, contract and broker; the event must be
     * on the program and its devices seen before anything is signed.
     */
    abstract static class SignedEventCommand extends CliCommand {
        @Parameters(index = "0", paramLabel = "EVENT_ID")
        String eventId;
        @Option(names = {"--key", "--from"}, paramLabel = "NAME", required = true)
        String key;
        @Mixin
        HomeOption home;
        @Mixin
        PasswordOption password;
        @Mixin
        NodeOptions node;
        @Mixin
        ContractOptions contract;
        @Mixin
        BrokerOption broker;

        @Override
        final int run() {
            node.requireChainId();
            try (DrSession s = DrSession.open(node, contract.prefix, contract.contract, broker.broker)) {
                s.chain.checkChainId();
                ChainEvent e = event(s, eventId);
                SigningKey k = unlock(home, password, key);
                prepare(s);
                s.awaitDevices(e.target(), Duration.ofSeconds(10));
                return act(s, k);
            } catch (InterruptedException ex) {
                throw interrupted();
            }
        }

        /** Before the devices are awaited; nothing by default. */
        void prepare(DrSession s) {
        }

        /** Signs and sends; prints the outcome. */
        abstract int act(DrSession s, SigningKey k) throws InterruptedException;
    }

    @Command(name = "cancel", description = "Cancel an event on chain, then tell its devices.", mixinStandardHelpOptions = true)
    static final class Cancel extends SignedEventCommand {
        @Override
        int act(DrSession s, SigningKey k) throws InterruptedException {
            return txResult(s.service.cancel(eventId, k, pr -> { }), "Cancel of " + eventId);
        }
    }

    @Command(name = "settle", description = "Report each device's delivered energy, then settle: owners are paid from the pool.",
            mixinStandardHelpOptions = true)
    static final class Settle extends SignedEventCommand {
        @Override
        void prepare(DrSession s) {
            s.service.submitPowerFor(submitPowerPrograms(home));
        }

        @Override
        int act(DrSession s, SigningKey k) throws InterruptedException {
            return txResult(s.service.reportAndSettle(eventId, k, loadBaseline(home, eventId), loadMeasured(home, eventId), pr -> { }),
                    "Settlement of " + eventId);
        }
    }

    @Command(name = "export", description = "Print an event as OpenADR 3.1 JSON (a cancelled event as the User Guide's cancellation).",
            mixinStandardHelpOptions = true)
    static final class Export extends CliCommand {
        @Parameters(index = "0", paramLabel = "EVENT_ID")
        String eventId;
        @Mixin
        NodeOptions node;
        @Mixin
        ContractOptions contract;

        @Option(names = "--report", description = "Print the OpenADR report of the measured response (BASELINE, READING, "
                + "DELTA_USAGE) instead, from the baseline and measurements kept under --home.")
        boolean report;
        @Mixin
        HomeOption home;

        @Override
        int run() {
            try (DrSession s = DrSession.open(node, contract.prefix, contract.contract, null)) {
                ChainEvent e = event(s, eventId);
                if (!report) {
                    out().println(OpenAdrJson.write(e.toOpenAdr()));
                    return 0;
                }
                Map<DerDevice, Double> base = loadBaseline(home, eventId);
                Map<DerDevice, Double> meas = loadMeasured(home, eventId);
                if (base.isEmpty() || meas.isEmpty()) {
                    throw new CliException("No measurement of " + eventId + " under " + home.home() + ": run dr dispatch and dr status there first");
                }
                Map<DerDevice, double[]> per = new LinkedHashMap<>();
                base.forEach((d, b) -> per.put(d, new double[] {b, meas.getOrDefault(d, b)}));
                double b = per.values().stream().mapToDouble(v -> v[0]).sum();
                double m = per.values().stream().mapToDouble(v -> v[1]).sum();
                Instant endOfDelivery = e.endOfDelivery();
                Duration window = Duration.between(e.start(), Instant.now().isBefore(endOfDelivery) ? Instant.now() : endOfDelivery);
                out().println(OpenAdrJson.write(org.plurigrid.console.client.dr.DeliveryReport.of(eventId, "plurigrid-console",
                        new Measurement(e.value(), b, m, b - m, window.isNegative() ? Duration.ZERO : window, per), e.start(), Instant.now())));
            }
            return 0;
        }
    }

    @Command(name = "import", description = "Read an OpenADR 3.1 event JSON file and show the dispatch it asks for "
            + "(targets, payload, period); dispatch it with dr dispatch.", mixinStandardHelpOptions = true)
    static final class Import extends CliCommand {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        int run() {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new CliException("Cannot read " + file + ": " + e.getMessage());
            }
            DrEvent e = OpenAdrJson.readEvent(text);
            if (e.payloadDescriptors().isEmpty() || e.targets().isEmpty() || e.intervalPeriod().isEmpty()) {
                throw new CliException(file + ": the event needs payloadDescriptors, targets and an intervalPeriod to be dispatched");
            }
            var d = e.payloadDescriptors().getFirst();
            double v = e.firstValue(d.payloadType()).orElseThrow(() -> new CliException(file + ": no " + d.payloadType() + " value in its intervals"));
            IntervalPeriod p = e.intervalPeriod().get();
            for (String t : e.targets()) {
                out().printf("dr dispatch --program %s --target %s --type %s --value %s --units %s --duration %s --start %s%s%s%n",
                        e.programId(), t, d.payloadType(), v, d.units() == null ? "KW" : d.units(), p.duration(),
                        p.start().equals(IntervalPeriod.NOW) ? "now" : p.start(),
                        p.randomizeStart().map(r -> " --randomize-start " + r).orElse(""),
                        e.priority().map(x -> " --priority " + x).orElse(""));
            }
            return 0;
        }
    }
}
