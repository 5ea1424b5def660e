package org.plurigrid.console.app.telemetry;

import java.util.Iterator;
import java.util.List;

import org.plurigrid.console.client.telemetry.MqttVersion;
import picocli.CommandLine;

/** picocli: {@code --mqtt-version 5|3.1.1} to the client's {@link MqttVersion}. */
public final class MqttVersionConverter implements CommandLine.ITypeConverter<MqttVersion> {

    @Override
    public MqttVersion convert(String value) {
        return switch (value.trim()) {
            case "5", "5.0" -> MqttVersion.V5;
            case "3.1.1" -> MqttVersion.V3_1_1;
            default -> throw new CommandLine.TypeConversionException("MQTT version must be 5 or 3.1.1, not '" + value + "'");
        };
    }

    public static String label(MqttVersion v) {
        return v == MqttVersion.V5 ? "5" : "3.1.1";
    }

    /** The values shown in help and completion. */
    public static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("5", "3.1.1").iterator();
        }
    }
}
