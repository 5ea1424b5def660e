package org.plurigrid.console.client.alarms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.plurigrid.console.client.alarms.AlarmRecord.NodeRef;
import org.plurigrid.console.client.alarms.AlarmTable.Flag;

/**
 * What happens to the alarm rows when a condition settles, an edge node dies or comes back, or time passes: the ISA-18.2
 * state machine (raise, return to normal), the suppression that follows from it (less severe limits, a dead node's
 * devices, assets out of service), chattering, floods and shelving expiry, each journaled through the {@link AlarmTable}.
 *
 * <p>Not thread-safe: called under the engine's lock.
 */
final class AlarmTransitions {

    private final AlarmEngineSettings settings;
    private final AlarmTable table;
    private final AlarmSuppression suppression;
    private final ChatterFloodWatch chatterFlood;

    AlarmTransitions(AlarmEngineSettings settings, AlarmTable table, AlarmSuppression suppression,
                     ChatterFloodWatch chatterFlood) {
        this.settings = settings;
        this.table = table;
        this.suppression = suppression;
        this.chatterFlood = chatterFlood;
    }

    // ------------------------------------------------------------------------------------------------ state machine

    /** A condition settled active or normal: the alarm of its key raises or returns to normal. */
    void conditionChanged(AlarmCondition c, Instant now) {
        if (c.active()) {
            raise(c, now);
        } else {
            AlarmRecord r = table.get(c.key);
            if (r == null) {
                return;
            }
            String comment = suppression.isHidden(r) ? "returned to normal while " + suppression.hiddenReason(r) : "";
            if (returnToNormal(r, now, comment)) {
                reflagLessSevere(r, now);
            }
        }
    }

    private void raise(AlarmCondition c, Instant now) {
        AlarmRecord r = table.rowFor(c);
        if (r.rule != c.rule) { // the rule was replaced while the alarm waited for acknowledgement
            r.useRule(c.rule);
        }
        AlarmState next = r.state.activate();
        if (next == r.state) {
            return;
        }
        r.state = next;
        r.value = c.value();
        r.unit = c.unit();
        r.raisedAt = now;
        r.changedAt = now;
        r.acknowledgedBy = "";
        r.suppressed = suppression.isSuppressed(r);
        r.outOfService = suppression.isOutOfService(r);
        table.countRaised(r.rule.priority());
        table.record(r, JournalEvent.RAISED, now, AlarmJournal.SYSTEM, suppression.hiddenReason(r));
        noteActivation(r, now);
        reflagLessSevere(r, now);
    }

    /**
     * The alarm returns to normal as its state allows (a hidden one unseen), journaled with {@code comment}; a row that
     * cleared leaves the table.
     *
     * @return whether the state changed
     */
    boolean returnToNormal(AlarmRecord r, Instant now, String comment) {
        AlarmState next = suppression.isHidden(r) ? r.state.returnToNormalUnseen() : r.state.returnToNormal();
        if (next == r.state) {
            return false;
        }
        r.state = next;
        r.changedAt = now;
        table.record(r, JournalEvent.RETURNED_TO_NORMAL, now, AlarmJournal.SYSTEM, comment);
        table.removeIfCleared(r);
        return true;
    }

    private void noteActivation(AlarmRecord r, Instant now) {
        chatterFlood.activated(r.key, now).ifPresent(n -> table.record(r, JournalEvent.CHATTERING, now,
                AlarmJournal.SYSTEM, n + " activations within " + settings.chatterWindow().toSeconds() + " s"));
        if (!suppression.isHidden(r)) {
            chatterFlood.countTowardsFlood(now).ifPresent(f -> floodChanged(f, now));
        }
    }

    // ------------------------------------------------------------------------------------------------ suppression

    /**
     * An edge node lost communication or got it back (as {@link AlarmSuppression} already noted): the alarms of its
     * devices are suppressed at once, and released at once or after the grace period.
     */
    void nodeLivenessChanged(NodeRef node, boolean dead, Instant now) {
        if (dead) {
            table.systemEntry(now, JournalEvent.SUPPRESSED, node.toString(), Optional.empty(),
                    "edge node " + node + " lost communication: alarms of its devices are suppressed", "");
        } else if (!settings.suppressionGrace().isZero()) {
            suppression.graceUntil(node, now.plus(settings.suppressionGrace()));
            return; // advance() lifts the suppression after the grace period
        }
        reflagSuppression(node, now);
    }

    private void reflagSuppression(NodeRef node, Instant now) {
        for (AlarmRecord r : new ArrayList<>(table.rows())) {
            if (r.node.equals(node)) {
                boolean suppress = suppression.isSuppressed(r);
                table.reflag(r, Flag.SUPPRESSED, suppress, now, AlarmJournal.SYSTEM,
                        suppress ? "edge node " + node + " lost communication" : "edge node " + node + " is back");
            }
        }
    }

    /** After an HH (LL) alarm changed, re-decide whether the H (L) alarms of the same point are suppressed. */
    private void reflagLessSevere(AlarmRecord changed, Instant now) {
        for (AlarmRecord r : suppression.lessSevere(changed)) {
            boolean suppress = suppression.isSuppressed(r);
            table.reflag(r, Flag.SUPPRESSED, suppress, now, AlarmJournal.SYSTEM,
                    suppress ? "a " + changed.rule.kind() + " alarm stands on the same point"
                            : "the " + changed.rule.kind() + " alarm on the same point returned to normal");
        }
    }

    /** Every row's suppression re-decided (the rules changed). */
    void reflagAllSuppressed(Instant now, String comment) {
        for (AlarmRecord r : table.rows()) {
            table.reflag(r, Flag.SUPPRESSED, suppression.isSuppressed(r), now, AlarmJournal.SYSTEM, comment);
        }
    }

    /** Every row's out-of-service flag re-decided (an asset was taken out of or returned to service). */
    void reflagOutOfService(Instant now, String operator, String comment) {
        for (AlarmRecord r : table.rows()) {
            table.reflag(r, Flag.OUT_OF_SERVICE, suppression.isOutOfService(r), now, operator, comment);
        }
    }

    // ------------------------------------------------------------------------------------------------ time

    /** Time passed without new data: grace periods, shelving, chattering and flood windows end. */
    void advance(Instant now) {
        for (NodeRef node : suppression.endGrace(now)) {
            reflagSuppression(node, now);
        }
        expireShelving(now);
        endChattering(now);
        chatterFlood.pruneFlood(now).ifPresent(f -> floodChanged(f, now));
    }

    private void endChattering(Instant now) {
        for (AlarmKey key : chatterFlood.pruneChattering(now)) {
            AlarmRecord r = table.get(key);
            if (r != null) {
                table.record(r, JournalEvent.CHATTERING_ENDED, now, AlarmJournal.SYSTEM, "");
            } else {
                table.systemEntry(now, JournalEvent.CHATTERING_ENDED, key.source(), Optional.of(key),
                        "chattering ended", "");
            }
        }
    }

    private void floodChanged(ChatterFloodWatch.FloodChange change, Instant now) {
        table.bumpVersion();
        long minutes = settings.floodWindow().toMinutes();
        if (change.started()) {
            table.systemEntry(now, JournalEvent.FLOOD_STARTED, "", Optional.empty(),
                    "alarm flood: " + change.activations() + " alarms within " + minutes + " min", "");
        } else {
            table.systemEntry(now, JournalEvent.FLOOD_ENDED, "", Optional.empty(),
                    "alarm flood ended: " + change.activations() + " alarms within " + minutes + " min", "");
        }
    }

    private void expireShelving(Instant now) {
        for (Map.Entry<AlarmKey, Shelving> e : suppression.expireShelving(now)) {
            AlarmRecord r = table.get(e.getKey());
            if (r != null) {
                table.stamp(r, JournalEvent.SHELVING_EXPIRED, now, AlarmJournal.SYSTEM, e.getValue().reason());
            } else {
                table.systemEntry(now, JournalEvent.SHELVING_EXPIRED, e.getKey().source(), Optional.of(e.getKey()),
                        "shelving expired", e.getValue().reason());
            }
        }
    }
}
