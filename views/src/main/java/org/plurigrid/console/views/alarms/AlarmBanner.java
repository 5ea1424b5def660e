package org.plurigrid.console.views.alarms;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.plurigrid.console.client.alarms.Alarm;
import org.plurigrid.console.client.alarms.AlarmCounts;
import org.plurigrid.console.client.alarms.AlarmPriority;
import org.plurigrid.console.views.common.ColumnFit;

/**
 * The always-visible alarm strip: per priority its mark and "unacknowledged / total", the alarm that needs attention
 * first, a flood banner while the alarm system is flooded, and the horn's mute switch.
 */
public final class AlarmBanner extends HBox {

    private final AlarmBannerViewModel vm;
    private final AlarmFormat format;
    private final Map<AlarmPriority, AlarmMark> marks = new EnumMap<>(AlarmPriority.class);
    private final Map<AlarmPriority, Label> countLabels = new EnumMap<>(AlarmPriority.class);
    private final HBox headline = new HBox();
    private final Label headlineText = new Label();
    private final Label flood = new Label("ALARM FLOOD \u2014 work from priority 1 down");

    public AlarmBanner(AlarmBannerViewModel vm, Annunciator annunciator, ZoneId zone) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.format = new AlarmFormat(zone);
        getStyleClass().add("alarm-banner");
        getStylesheets().add(AlarmListView.stylesheet());

        HBox counts = new HBox();
        counts.getStyleClass().add("alarm-banner-counts");
        for (AlarmPriority p : AlarmPriority.values()) {
            AlarmMark mark = new AlarmMark(p);
            Label count = new Label();
            count.getStyleClass().add("alarm-banner-count");
            HBox cell = new HBox(mark, count);
            cell.getStyleClass().add("alarm-banner-cell");
            cell.setId("alarm-banner-" + p.name().toLowerCase(java.util.Locale.ROOT));
            Tooltip.install(cell, new Tooltip("Priority " + p.number() + ": unacknowledged / total"));
            marks.put(p, mark);
            countLabels.put(p, count);
            counts.getChildren().add(cell);
        }

        headline.getStyleClass().add("alarm-banner-headline");
        headlineText.getStyleClass().add("alarm-banner-headline-text");
        ColumnFit.wholeTextTooltip(headlineText); // a long asset or message may be cut; the tooltip has it whole
        HBox.setHgrow(headline, Priority.ALWAYS);
        headline.setMaxWidth(Double.MAX_VALUE);

        flood.getStyleClass().add("alarm-flood-banner");
        flood.setTooltip(new Tooltip("More than 10 new alarms within 10 minutes. Acknowledge by page, most urgent first."));
        flood.managedProperty().bind(flood.visibleProperty());
        flood.visibleProperty().bind(vm.floodProperty());
        flood.setMinWidth(Region.USE_PREF_SIZE);

        getChildren().addAll(counts, headline, flood);
        if (annunciator != null) {
            ToggleButton mute = new ToggleButton("Mute horn");
            mute.setId("alarm-mute");
            mute.getStyleClass().add("alarm-mute");
            mute.selectedProperty().bindBidirectional(annunciator.mutedProperty());
            mute.textProperty().bind(javafx.beans.binding.Bindings.when(mute.selectedProperty())
                    .then("Horn muted").otherwise("Mute horn"));
            mute.setMinWidth(Region.USE_PREF_SIZE);
            // A dead horn (no audio device) is said, not offered for muting; the marks and headline still flash.
            Label dead = new Label();
            dead.setId("alarm-horn-unavailable");
            dead.getStyleClass().add("alarm-horn-unavailable");
            dead.setMinWidth(Region.USE_PREF_SIZE);
            dead.textProperty().bind(javafx.beans.binding.Bindings.concat("Horn unavailable: ",
                    annunciator.unavailableProperty()));
            dead.visibleProperty().bind(annunciator.unavailableProperty().isNotEmpty());
            dead.managedProperty().bind(dead.visibleProperty());
            mute.visibleProperty().bind(annunciator.unavailableProperty().isEmpty());
            mute.managedProperty().bind(mute.visibleProperty());
            getChildren().addAll(dead, mute);
        }

        vm.countsProperty().addListener((obs, old, now) -> showCounts(now));
        vm.headlineProperty().addListener((obs, old, now) -> showHeadline(now));
        showCounts(vm.countsProperty().get());
        showHeadline(vm.headlineProperty().get());
    }

    public AlarmBanner(AlarmBannerViewModel vm) {
        this(vm, null, ZoneId.systemDefault());
    }

    private void showCounts(AlarmCounts c) {
        for (AlarmPriority p : AlarmPriority.values()) {
            int total = c.total(p);
            int unacked = c.unacknowledged(p);
            marks.get(p).setIdle(total == 0);
            Label l = countLabels.get(p);
            l.setText(unacked + "/" + total);
            l.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("unack"), unacked > 0);
        }
    }

    private void showHeadline(Optional<Alarm> alarm) {
        if (alarm.isEmpty()) {
            headlineText.setText("No unacknowledged alarms");
            headline.getChildren().setAll(headlineText);
            headline.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("empty"), true);
            return;
        }
        Alarm a = alarm.get();
        headline.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("empty"), false);
        headlineText.setText(format.time(a.raisedAt()) + "  " + a.asset() + "  " + a.message());
        headline.getChildren().setAll(new AlarmMark(a.priority()), headlineText);
    }

    /** The text of the headline as shown, for tests. */
    public String headlineText() {
        return headlineText.getText();
    }

    /** The "unacknowledged/total" text of one priority, for tests. */
    public String countText(AlarmPriority p) {
        return countLabels.get(p).getText();
    }

    public boolean isFloodBannerShown() {
        return flood.isVisible();
    }
}
