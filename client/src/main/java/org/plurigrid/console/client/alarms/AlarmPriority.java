package org.plurigrid.console.client.alarms;

/**
 * How fast an operator must respond. The number is what the banner and list print next to the shape, so an operator
 * never depends on colour alone (ISA-101).
 */
public enum AlarmPriority {
    CRITICAL(1), HIGH(2), MEDIUM(3), LOW(4);

    private final int number;

    AlarmPriority(int number) {
        this.number = number;
    }

    /** 1 for critical … 4 for low. */
    public int number() {
        return number;
    }

    /** True if this priority is at least as urgent as {@code other}. */
    public boolean atLeast(AlarmPriority other) {
        return ordinal() <= other.ordinal();
    }
}
