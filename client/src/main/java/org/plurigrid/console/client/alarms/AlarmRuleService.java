package org.plurigrid.console.client.alarms;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The use case behind the console's rule editor: apply an edited rule set to the operator's rules file and to the
 * running engine. Blocks on file I/O: call it off the UI thread.
 */
public final class AlarmRuleService {

    private final Path file;
    private final AlarmEngine engine;
    private final List<AlarmRule> fixed;
    private final java.util.Set<String> fixedIds;

    /**
     * @param file   the rules file the console loaded at start ({@code <home>/alarm-rules.json})
     * @param engine the running engine
     */
    public AlarmRuleService(Path file, AlarmEngine engine) {
        this(file, engine, List.of());
    }

    /**
     * @param fixed rules the engine runs beside the file's that the editor neither shows nor writes (those of plugins,
     *              which are their source); they stay in the engine across every apply
     */
    public AlarmRuleService(Path file, AlarmEngine engine, List<AlarmRule> fixed) {
        this.file = Objects.requireNonNull(file, "file");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.fixed = List.copyOf(fixed);
        this.fixedIds = this.fixed.stream().map(AlarmRule::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Where the rules are written. */
    public Path file() {
        return file;
    }

    /** The rules the engine runs now that the operator's file holds (the editable ones; without the fixed ones). */
    public AlarmRuleSet current() {
        AlarmRuleSet all = engine.rules();
        return fixed.isEmpty() ? all
                : new AlarmRuleSet(all.origin(), all.rules().stream().filter(r -> !fixedIds.contains(r.id())).toList());
    }

    /**
     * Write {@code next} to the file (atomically, keeping the previous file as {@code .bak}), then hand it to the
     * engine, which journals every change under {@code operator}. If the file cannot be written, the engine keeps its
     * rules: what runs is always what the next start will read.
     *
     * @return the changes applied; empty (and nothing written) if {@code next} equals the running rules
     */
    public synchronized List<AlarmRuleChange> apply(AlarmRuleSet next, String operator) throws AlarmRuleFileException {
        Objects.requireNonNull(next, "next");
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("Only a signed-in operator can change alarm rules.");
        }
        AlarmRuleSet rules = new AlarmRuleSet(file.toString(), next.rules());
        for (AlarmRule r : rules.rules()) {
            if (fixedIds.contains(r.id())) {
                throw new IllegalArgumentException("Rule id '" + r.id() + "' belongs to a plugin's rule; choose another id.");
            }
        }
        if (AlarmRuleChange.between(current(), rules).isEmpty()) {
            return List.of();
        }
        AlarmRuleFile.write(file, rules);
        java.util.List<AlarmRule> running = new java.util.ArrayList<>(rules.rules());
        running.addAll(fixed);
        return engine.replaceRules(new AlarmRuleSet(file.toString(), running), operator);
    }
}
