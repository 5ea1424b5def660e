package org.plurigrid.console.client.alarms;

import java.util.List;

/**
 * An alarm rules file the operator has to fix. The message names the file, each rule at fault and what is expected;
 * {@link #problems()} lists them one by one for a dialog.
 */
public final class AlarmRuleFileException extends Exception {

    private final String file;
    private final List<String> problems;

    public AlarmRuleFileException(String file, List<String> problems, Throwable cause) {
        super(format(file, problems), cause);
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public String file() {
        return file;
    }

    public List<String> problems() {
        return problems;
    }

    private static String format(String file, List<String> problems) {
        if (problems.size() == 1) {
            return "Alarm rules file " + file + ": " + problems.getFirst();
        }
        StringBuilder sb = new StringBuilder("Alarm rules file " + file + " has " + problems.size() + " problems:");
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
