package org.plurigrid.console.views.alarms;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import org.plurigrid.console.client.alarms.AlarmCounts;

/**
 * Audible annunciation: sounds while unacknowledged alarms exist, repeating until they are acknowledged, and can be
 * muted by the operator. Driven once per frame with the current counts, never per alarm.
 */
public interface Annunciator {

    /** Called once per frame with the current visible alarm counts. */
    void onFrame(AlarmCounts counts);

    /** While true nothing sounds; the banner shows that the horn is muted. */
    BooleanProperty mutedProperty();

    /** True while there is something to annunciate and the horn is not muted. */
    ReadOnlyBooleanProperty soundingProperty();

    /**
     * Why the horn cannot sound (e.g. "no audio output"), or empty while it can: the banner then says so instead of
     * offering to mute a horn that is dead. Alarms still flash.
     */
    javafx.beans.property.ReadOnlyStringProperty unavailableProperty();
}
