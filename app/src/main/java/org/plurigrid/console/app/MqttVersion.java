package org.plurigrid.console.app;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import picocli.CommandLine;

/** The MQTT protocol version the console speaks to brokers, as written on the command line. */
public enum MqttVersion {
    V5("5"),
    V3_1_1("3.1.1");

    private final String label;

    MqttVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static MqttVersion parse(String text) {
        return Arrays.stream(values()).filter(v -> v.label.equals(text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "MQTT version must be 5 or 3.1.1, not '" + text + "'"));
    }

    @Override
    public String toString() {
        return label;
    }

    /** picocli: accepts "5" and "3.1.1". */
    static final class Converter implements CommandLine.ITypeConverter<MqttVersion> {
        @Override
        public MqttVersion convert(String value) {
            return parse(value);
        }
    }

    /** picocli: the values shown in help and completion. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(V5.label, V3_1_1.label).iterator();
        }
    }
}
