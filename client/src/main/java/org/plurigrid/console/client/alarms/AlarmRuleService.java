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

    /**
     * @param file   the rules file the console loaded at start ({@code <home>/alarm-rules.json})
     * @param engine the running engine
     */
    public AlarmRuleService(Path file, AlarmEngine engine) {
        this.file = Objects.requireNonNull(file, "file");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** Where the rules are written. */
    public Path file() {
        return file;
    }

    /** The rules the engine runs now. */
    public AlarmRuleSet current() {
        return engine.rules();
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
        if (AlarmRuleChange.between(engine.rules(), rules).isEmpty()) {
            return List.of();
        }
        AlarmRuleFile.write(file, rules);
        return engine.replaceRules(rules, operator);
    }
}
