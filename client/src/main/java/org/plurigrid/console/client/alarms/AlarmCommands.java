package org.plurigrid.console.client.alarms;

import java.time.Duration;
import java.util.Collection;

/**
 * What an operator can do to alarms. Every command names the operator (the logged-in user name) so the journal says
 * who did it.
 */
public interface AlarmCommands {

    /** Acknowledge an active (unacknowledged) or returned-to-normal alarm. */
    CommandResult acknowledge(AlarmKey key, String operator, String comment);

    /** Acknowledge several alarms ("ack page"); returns how many were acknowledged. */
    int acknowledgeAll(Collection<AlarmKey> keys, String operator);

    /** Hide an alarm for {@code duration} (at most the engine's maximum); the reason is mandatory. */
    CommandResult shelve(AlarmKey key, String operator, String reason, Duration duration);

    CommandResult unshelve(AlarmKey key, String operator);

    /** Attach a comment to an alarm's journal. */
    CommandResult comment(AlarmKey key, String operator, String text);

    /**
     * Take an asset out of service: alarms whose point path starts with {@code pathPrefix} (e.g. a device path under
     * maintenance) are hidden until {@link #returnToService}.
     */
    CommandResult removeFromService(String pathPrefix, String operator, String reason);

    CommandResult returnToService(String pathPrefix, String operator);
}
