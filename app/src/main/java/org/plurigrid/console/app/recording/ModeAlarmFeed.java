package org.plurigrid.console.app.recording;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.plurigrid.console.client.alarms.Alarm;
import org.plurigrid.console.client.alarms.AlarmChanges;
import org.plurigrid.console.client.alarms.AlarmCommands;
import org.plurigrid.console.client.alarms.AlarmCounts;
import org.plurigrid.console.client.alarms.AlarmEngine;
import org.plurigrid.console.client.alarms.AlarmFeed;
import org.plurigrid.console.client.alarms.AlarmJournal;
import org.plurigrid.console.client.alarms.AlarmKey;
import org.plurigrid.console.client.alarms.CommandResult;

/**
 * The alarms the views show: the live engine, or while replaying the engine that re-raises the recording's alarms
 * (a new one after every seek). When the source changes, the next drain replaces everything the list holds (old
 * alarms removed, the new source's all added) and the version jumps, so the banner and the map redraw. Commands go
 * to the live engine only: a replayed alarm cannot be acknowledged. Read on the FX thread; the source is switched
 * from any thread.
 */
public final class ModeAlarmFeed implements AlarmFeed, AlarmCommands {

    public static final String REPLAY_REFUSAL =
            "Replay shows recorded alarms: acknowledge, shelve and comment on live alarms (Back to live).";

    private final AlarmEngine live;
    private volatile Supplier<AlarmEngine> replay;

    // FX thread only.
    private AlarmFeed drained;
    private final Set<AlarmKey> shown = new HashSet<>();
    private AlarmFeed versioned;
    private long epoch;

    public ModeAlarmFeed(AlarmEngine live) {
        this.live = Objects.requireNonNull(live, "live");
        this.drained = live;
        this.versioned = live;
    }

    /** From now on the views show {@code engines}' current engine (replay). */
    public void replay(Supplier<AlarmEngine> engines) {
        replay = Objects.requireNonNull(engines, "engines");
    }

    /** Back to the live engine. */
    public void live() {
        replay = null;
    }

    public boolean isReplaying() {
        return replay != null;
    }

    private AlarmFeed source() {
        Supplier<AlarmEngine> r = replay;
        return r == null ? live : r.get();
    }

    @Override
    public AlarmChanges drainChanges() {
        AlarmFeed src = source();
        if (src != drained) {
            src.drainChanges(); // superseded by all() below
            List<Alarm> all = src.all();
            Set<AlarmKey> now = new HashSet<>();
            for (Alarm a : all) {
                now.add(a.key());
            }
            List<AlarmKey> removed = new ArrayList<>();
            for (AlarmKey k : shown) {
                if (!now.contains(k)) {
                    removed.add(k);
                }
            }
            shown.clear();
            shown.addAll(now);
            drained = src;
            return new AlarmChanges(all, removed, src.counts(), src.inFlood(), version());
        }
        AlarmChanges c = src.drainChanges();
        for (Alarm a : c.updated()) {
            shown.add(a.key());
        }
        c.removed().forEach(shown::remove);
        return new AlarmChanges(c.updated(), c.removed(), c.counts(), c.inFlood(), version());
    }

    @Override
    public List<Alarm> active() {
        return source().active();
    }

    @Override
    public List<Alarm> all() {
        return source().all();
    }

    @Override
    public AlarmCounts counts() {
        return source().counts();
    }

    @Override
    public boolean inFlood() {
        return source().inFlood();
    }

    /** The source's version, raised by a whole epoch each time the source changes. */
    @Override
    public long version() {
        AlarmFeed src = source();
        if (src != versioned) {
            versioned = src;
            epoch++;
        }
        return (epoch << 40) + src.version();
    }

    @Override
    public AlarmJournal journal() {
        return source().journal();
    }

    @Override
    public CommandResult acknowledge(AlarmKey key, String operator, String comment) {
        return isReplaying() ? CommandResult.rejected(REPLAY_REFUSAL) : live.acknowledge(key, operator, comment);
    }

    @Override
    public int acknowledgeAll(Collection<AlarmKey> keys, String operator) {
        return isReplaying() ? 0 : live.acknowledgeAll(keys, operator);
    }

    @Override
    public CommandResult shelve(AlarmKey key, String operator, String reason, Duration duration) {
        return isReplaying() ? CommandResult.rejected(REPLAY_REFUSAL) : live.shelve(key, operator, reason, duration);
    }

    @Override
    public CommandResult unshelve(AlarmKey key, String operator) {
        return isReplaying() ? CommandResult.rejected(REPLAY_REFUSAL) : live.unshelve(key, operator);
    }

    @Override
    public CommandResult comment(AlarmKey key, String operator, String text) {
        return isReplaying() ? CommandResult.rejected(REPLAY_REFUSAL) : live.comment(key, operator, text);
    }

    @Override
    public CommandResult removeFromService(String pathPrefix, String operator, String reason) {
        return isReplaying() ? CommandResult.rejected(REPLAY_REFUSAL)
                : live.removeFromService(pathPrefix, operator, reason);
    }

    @Override
    public CommandResult returnToService(String pathPrefix, String operator) {
        return isReplaying() ? CommandResult.rejected(REPLAY_REFUSAL) : live.returnToService(pathPrefix, operator);
    }
}
