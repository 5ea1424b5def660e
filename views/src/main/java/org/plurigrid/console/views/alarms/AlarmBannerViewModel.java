package org.plurigrid.console.views.alarms;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.plurigrid.console.client.alarms.Alarm;
import org.plurigrid.console.client.alarms.AlarmCounts;
import org.plurigrid.console.client.alarms.AlarmFeed;
import org.plurigrid.console.client.alarms.AlarmState;

/**
 * State of the always-visible alarm banner: counts by priority, the alarm that needs attention first (newest of the
 * highest priority, unacknowledged; within a priority a standing alarm before a returned one) and the flood state. Reads the feed without draining it, and only in frames where
 * the feed's version moved, so it can sit beside the alarm list.
 */
public final class AlarmBannerViewModel {

    private final AlarmFeed feed;
    private long seenVersion = -1;

    private final ReadOnlyObjectWrapper<AlarmCounts> counts = new ReadOnlyObjectWrapper<>(this, "counts", AlarmCounts.NONE);
    private final ReadOnlyObjectWrapper<Optional<Alarm>> headline =
            new ReadOnlyObjectWrapper<>(this, "headline", Optional.empty());
    private final ReadOnlyBooleanWrapper flood = new ReadOnlyBooleanWrapper(this, "flood", false);

    public AlarmBannerViewModel(AlarmFeed feed) {
        this.feed = Objects.requireNonNull(feed, "feed");
    }

    /** Catch up with the feed; call once per frame on the FX thread. */
    public void onFrame() {
        long v = feed.version();
        if (v == seenVersion) {
            return;
        }
        seenVersion = v;
        counts.set(feed.counts());
        flood.set(feed.inFlood());
        // active() is most urgent and newest first: the first unacknowledged one is the headline, an alarm still
        // standing before one that already returned to normal.
        List<Alarm> active = feed.active();
        Optional<Alarm> standing = active.stream().filter(a -> a.state() == AlarmState.UNACKNOWLEDGED).findFirst();
        Optional<Alarm> returned = active.stream().filter(Alarm::isUnacknowledged).findFirst();
        Optional<Alarm> first = standing.isPresent() && returned.isPresent()
                && returned.get().priority().ordinal() < standing.get().priority().ordinal() ? returned : standing;
        headline.set(first.isPresent() ? first : returned);
    }

    public ReadOnlyObjectProperty<AlarmCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<Alarm>> headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty floodProperty() {
        return flood.getReadOnlyProperty();
    }
}
