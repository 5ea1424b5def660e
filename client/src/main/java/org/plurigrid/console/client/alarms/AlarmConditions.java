package org.plurigrid.console.client.alarms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.plurigrid.console.client.telemetry.PointId;

/**
 * Which conditions each point feeds, bound lazily from the rules' patterns at a point's first measurement, and the
 * conditions whose on/off delay is still running.
 *
 * <p>Thread-safe for {@link #forPoint}, {@link #queue} and {@link #settlePending} (the hot path, under the engine's
 * rules read lock); {@link #rebind} must run under the rules write lock.
 */
final class AlarmConditions {

    private static final AlarmCondition[] NONE = new AlarmCondition[0];

    private record CompiledRule(AlarmRule rule, PointPattern.Matcher matcher) {
    }

    private final ConcurrentHashMap<PointId, AlarmCondition[]> byPoint = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<AlarmKey, AlarmCondition> byKey = new ConcurrentHashMap<>();
    private final Set<AlarmCondition> pending = ConcurrentHashMap.newKeySet();
    private volatile List<CompiledRule> rules;

    AlarmConditions(AlarmRuleSet rules) {
        this.rules = compile(rules);
    }

    private static List<CompiledRule> compile(AlarmRuleSet set) {
        return set.rules().stream().map(r -> new CompiledRule(r, r.match().compile())).toList();
    }

    /** The conditions {@code id} feeds (often none), bound at its first measurement. */
    AlarmCondition[] forPoint(PointId id) {
        AlarmCondition[] bound = byPoint.get(id);
        return bound != null ? bound : byPoint.computeIfAbsent(id, this::bind);
    }

    private AlarmCondition[] bind(PointId id) {
        List<AlarmCondition> out = new ArrayList<>(2);
        for (CompiledRule cr : rules) {
            if (cr.matcher().matches(id)) {
                AlarmRule rule = cr.rule();
                AlarmKey key = new AlarmKey(rule.id(), sourceOf(rule, id));
                out.add(byKey.computeIfAbsent(key, k -> new AlarmCondition(k, rule, id)));
            }
        }
        return out.isEmpty() ? NONE : out.toArray(AlarmCondition[]::new);
    }

    /** Comms loss is about the node (or device), not each of its metrics: they all feed one alarm. */
    static String sourceOf(AlarmRule rule, PointId id) {
        if (rule.kind() == AlarmKind.COMMS_LOSS) {
            return id.device().isEmpty() ? id.group() + "/" + id.node() : id.group() + "/" + id.node() + "/" + id.device();
        }
        return id.path();
    }

    /** Remember that {@code c}'s delay is running, so {@link #settlePending} looks at it. Condition lock held. */
    void queue(AlarmCondition c) {
        if (!c.queued) {
            c.queued = true;
            pending.add(c);
        }
    }

    /** Give each condition whose delay runs to {@code settle} (under its lock); forget those that settled. */
    void settlePending(Consumer<AlarmCondition> settle) {
        for (Iterator<AlarmCondition> it = pending.iterator(); it.hasNext(); ) {
            AlarmCondition c = it.next();
            synchronized (c) {
                settle.accept(c);
                if (c.isSettled()) {
                    c.queued = false;
                    it.remove();
                }
            }
        }
    }

    /**
     * Run {@code next} from now on. Conditions whose rule still exists with the same kind and still matches their
     * point take the new rule and keep their state; the others are dropped. Points are bound again at their next
     * measurement. Call with no measurement being evaluated (the rules write lock).
     *
     * @return the dropped conditions' keys, each with why, in a stable order
     */
    Map<AlarmKey, String> rebind(AlarmRuleSet next, String operator) {
        List<CompiledRule> compiled = compile(next);
        Map<String, CompiledRule> byId = new HashMap<>();
        compiled.forEach(cr -> byId.put(cr.rule().id(), cr));
        Map<AlarmKey, String> retired = new LinkedHashMap<>();
        for (Iterator<AlarmCondition> it = byKey.values().iterator(); it.hasNext(); ) {
            AlarmCondition c = it.next();
            CompiledRule cr = byId.get(c.key.ruleId());
            String why = cr == null ? "rule " + c.key.ruleId() + " was removed by " + operator
                    : cr.rule().kind() != c.rule.kind() ? "rule " + c.key.ruleId() + " changed its kind"
                    : !cr.matcher().matches(c.point) ? "rule " + c.key.ruleId() + " no longer matches this point"
                    : null;
            if (why == null) {
                c.rule = cr.rule();
            } else {
                it.remove();
                pending.remove(c);
                retired.put(c.key, why);
            }
        }
        rules = compiled;
        byPoint.clear();
        return retired;
    }
}
