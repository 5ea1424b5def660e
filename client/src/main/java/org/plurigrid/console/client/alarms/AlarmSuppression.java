package org.plurigrid.console.client.alarms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.plurigrid.console.client.alarms.AlarmRecord.NodeRef;

/**
 * Decides which alarms are hidden from the operator and why (ISA-18.2): suppressed by design (the alarms of a node
 * that lost communication, after a grace period when it is back; an H/L alarm while the HH/LL alarm of the same
 * point stands), shelved by an operator for a while, or out of service with their asset.
 *
 * <p>Not thread-safe: guarded by the engine's lock, except {@link #anyNodeDead} and {@link #isNodeDead}, which the
 * telemetry thread calls without it.
 */
final class AlarmSuppression {

    private final AlarmTable table;
    private final Set<NodeRef> deadNodes = ConcurrentHashMap.newKeySet();
    private final Map<NodeRef, Instant> revivedNodes = new HashMap<>();
    private final Map<AlarmKey, Shelving> shelved = new HashMap<>();
    private final Map<String, String> outOfService = new LinkedHashMap<>();
    // Replaced by the rule swap outside the engine lock (under the rules write lock), read under the engine lock.
    private volatile Map<AlarmKind, List<String>> ruleIdsByKind = Map.of();

    AlarmSuppression(AlarmTable table, AlarmRuleSet rules) {
        this.table = Objects.requireNonNull(table, "table");
        useRules(rules);
    }

    /** The rules whose HH/LL alarms suppress H/L ones from now on. */
    void useRules(AlarmRuleSet rules) {
        Map<AlarmKind, List<String>> byKind = new EnumMap<>(AlarmKind.class);
        for (AlarmRule r : rules.rules()) {
            byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r.id());
        }
        ruleIdsByKind = byKind;
    }

    // ------------------------------------------------------------------------------------------------ node liveness

    /** Cheap, without the lock: whether any node is known to have lost communication. */
    boolean anyNodeDead() {
        return !deadNodes.isEmpty();
    }

    /** Cheap, without the lock. */
    boolean isNodeDead(NodeRef node) {
        return deadNodes.contains(node);
    }

    /** The node lost communication: true if it was alive (its alarms are now suppressed). */
    boolean nodeDied(NodeRef node) {
        if (!deadNodes.add(node)) {
            return false;
        }
        revivedNodes.remove(node);
        return true;
    }

    /** The node is back: true if it was dead. Its alarms are suppressed no longer, unless given a grace period. */
    boolean nodeRevived(NodeRef node) {
        return deadNodes.remove(node);
    }

    /** Keep the revived node's alarms suppressed until {@code end} (see {@link #endGrace}). */
    void graceUntil(NodeRef node, Instant end) {
        revivedNodes.put(node, end);
    }

    /** The revived nodes whose grace period is over at {@code now}: their alarms are no longer suppressed. */
    List<NodeRef> endGrace(Instant now) {
        List<NodeRef> ended = new ArrayList<>();
        for (Iterator<Map.Entry<NodeRef, Instant>> it = revivedNodes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<NodeRef, Instant> e = it.next();
            if (!now.isBefore(e.getValue())) {
                it.remove();
                ended.add(e.getKey());
            }
        }
        return ended;
    }

    // ------------------------------------------------------------------------------------------------ shelving

    void shelve(AlarmKey key, Shelving shelving) {
        shelved.put(key, shelving);
    }

    /** False if the alarm was not shelved. */
    boolean unshelve(AlarmKey key) {
        return shelved.remove(key) != null;
    }

    Optional<Shelving> shelving(AlarmKey key) {
        return Optional.ofNullable(shelved.get(key));
    }

    /** The shelvings that ran out at {@code now}, removed. */
    List<Map.Entry<AlarmKey, Shelving>> expireShelving(Instant now) {
        List<Map.Entry<AlarmKey, Shelving>> expired = new ArrayList<>();
        for (Iterator<Map.Entry<AlarmKey, Shelving>> it = shelved.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<AlarmKey, Shelving> e = it.next();
            if (!now.isBefore(e.getValue().until())) {
                it.remove();
                expired.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        return expired;
    }

    // ------------------------------------------------------------------------------------------------ out of service

    /** False if the prefix is already out of service. */
    boolean removeFromService(String pathPrefix, String reason) {
        return outOfService.putIfAbsent(pathPrefix, reason) == null;
    }

    /** False if the prefix was not out of service. */
    boolean returnToService(String pathPrefix) {
        return outOfService.remove(pathPrefix) != null;
    }

    Map<String, String> outOfService() {
        return Map.copyOf(outOfService);
    }

    /** Whether the alarm's point or source lies under an asset taken out of service. */
    boolean isOutOfService(AlarmRecord r) {
        String path = r.point.path();
        for (String prefix : outOfService.keySet()) {
            if (path.equals(prefix) || path.startsWith(prefix + "/") || r.key.source().equals(prefix)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ by design

    boolean isSuppressed(AlarmRecord r) {
        return isUnderDeadNode(r) || isEscalated(r);
    }

    boolean isUnderDeadNode(AlarmRecord r) {
        if (!deadNodes.contains(r.node) && !revivedNodes.containsKey(r.node)) {
            return false;
        }
        // The node's own comms-loss alarm is the one alarm that explains all the others: it stays visible.
        return !(r.rule.kind() == AlarmKind.COMMS_LOSS && r.point.device().isEmpty());
    }

    /** An H (L) alarm says nothing new while an HH (LL) alarm stands on the same point: suppressed by design. */
    private boolean isEscalated(AlarmRecord r) {
        AlarmKind higher = switch (r.rule.kind()) {
            case H -> AlarmKind.HH;
            case L -> AlarmKind.LL;
            default -> null;
        };
        if (higher == null) {
            return false;
        }
        for (AlarmRecord h : sameSource(higher, r.key.source())) {
            if (h.state.isConditionActive()) {
                return true;
            }
        }
        return false;
    }

    /** The H (L) alarms whose suppression depends on the HH (LL) alarm {@code changed}; empty for other kinds. */
    List<AlarmRecord> lessSevere(AlarmRecord changed) {
        AlarmKind lower = switch (changed.rule.kind()) {
            case HH -> AlarmKind.H;
            case LL -> AlarmKind.L;
            default -> null;
        };
        return lower == null ? List.of() : sameSource(lower, changed.key.source());
    }

    private List<AlarmRecord> sameSource(AlarmKind kind, String source) {
        List<AlarmRecord> out = new ArrayList<>(1);
        for (String id : ruleIdsByKind.getOrDefault(kind, List.of())) {
            AlarmRecord r = table.get(new AlarmKey(id, source));
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ hidden

    boolean isShelved(AlarmKey key) {
        return shelved.containsKey(key);
    }

    /** Whether the operator does not see the alarm (suppressed, out of service or shelved). */
    boolean isHidden(AlarmRecord r) {
        return r.suppressed || r.outOfService || shelved.containsKey(r.key);
    }

    /** Why the operator does not see the alarm, for the journal; empty if it is visible. */
    String hiddenReason(AlarmRecord r) {
        if (r.outOfService) {
            return "out of service";
        }
        if (r.suppressed) {
            return isUnderDeadNode(r) ? "suppressed: edge node " + r.node + " lost communication"
                    : "suppressed: a more severe limit alarm stands on the same point";
        }
        if (shelved.containsKey(r.key)) {
            return "shelved";
        }
        return "";
    }
}
