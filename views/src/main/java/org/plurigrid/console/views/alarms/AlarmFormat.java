package org.plurigrid.console.views.alarms;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plurigrid.console.client.alarms.Alarm;
import org.plurigrid.console.client.alarms.AlarmKind;
import org.plurigrid.console.client.alarms.AlarmState;
import org.plurigrid.console.client.alarms.JournalEvent;

/** How alarm values, states and times read on screen; one place so list, banner and journal agree. */
public final class AlarmFormat {

    private final DateTimeFormatter time;
    private final DateTimeFormatter dateTime;

    public AlarmFormat(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(zone);
        this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
    }

    public String time(Instant t) {
        return time.format(t);
    }

    public String dateTime(Instant t) {
        return dateTime.format(t);
    }

    public static String state(AlarmState s) {
        return switch (s) {
            case UNACKNOWLEDGED -> "Unack";
            case ACKNOWLEDGED -> "Ack";
            case RETURNED_UNACKNOWLEDGED -> "RTN unack";
            case CLEARED -> "Cleared";
        };
    }

    public static String event(JournalEvent e) {
        String s = e.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The asset and, unless the alarm is about the whole asset (comms loss), the metric. */
    public static String source(Alarm a) {
        return a.kind() == AlarmKind.COMMS_LOSS ? a.asset() : a.asset() + " \u00B7 " + a.point().metric();
    }

    /** "1.12 pu  > 1.10" for limits, the condition name otherwise. */
    public static String value(Alarm a) {
        return switch (a.kind()) {
            case HH, H -> number(a.value()) + unit(a) + "  > " + number(a.limit());
            case L, LL -> number(a.value()) + unit(a) + "  < " + number(a.limit());
            case RATE_OF_CHANGE -> "> " + number(a.limit()) + unit(a) + "/s";
            case BAD_QUALITY -> "bad quality";
            case STALE -> "no update";
            case COMMS_LOSS -> "no comms";
            case DEVICE_REPORTED -> "reported " + number(a.value());
        };
    }

    private static String unit(Alarm a) {
        return a.unit().isEmpty() ? "" : " " + a.unit();
    }

    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double abs = Math.abs(v);
        String pattern = abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, v);
    }

    /** The special states an operator must notice: chattering, shelved (until when), suppressed, out of service. */
    public String flags(Alarm a) {
        List<String> f = new ArrayList<>(3);
        if (a.chattering()) {
            f.add("chattering");
        }
        a.shelving().ifPresent(s -> f.add("shelved until " + time(s.until())));
        if (a.suppressed()) {
            f.add("suppressed");
        }
        if (a.outOfService()) {
            f.add("out of service");
        }
        return String.join(", ", f);
    }

    public static String duration(Duration d) {
        if (d.toMinutes() < 60) {
            return d.toMinutes() + " min";
        }
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toHours() + " h " + d.toMinutes() % 60 + " min";
    }
}
