package org.plurigrid.console.views.dr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.dr.ChainEvent;
import org.plurigrid.console.client.dr.DeviceState;
import org.plurigrid.console.client.dr.PayloadType;

/** The view-model with same-thread executors and a scripted backend; properties need no FX toolkit. */
class DemandResponseViewModelTest {

    final ScriptedDemandResponse backend = new ScriptedDemandResponse();
    final DemandResponseViewModel vm = new DemandResponseViewModel(backend, InstantSource.fixed(ScriptedDemandResponse.NOW),
            Runnable::run, Runnable::run);

    @BeforeEach
    void load() {
        vm.refresh();
        vm.targetProperty().set("site-a");
        vm.payloadTypeProperty().set(PayloadType.DISPATCH_SETPOINT_RELATIVE);
    }

    @Test
    void showsTheSitesWithTheirFlexibilityAndPicksTheFirstAsTarget() {
        DemandResponseViewModel fresh = new DemandResponseViewModel(backend, InstantSource.fixed(ScriptedDemandResponse.NOW),
                Runnable::run, Runnable::run);
        fresh.refresh();

        assertThat(fresh.sites()).extracting(f -> f.target()).containsExactly("site-a", "site-b");
        assertThat(fresh.targetProperty().get()).isEqualTo("site-a");
    }

    @Test
    void refusesAValueBeyondTheProgramsLimit() {
        vm.valueProperty().set("-6000");

        assertThat(vm.refusalProperty().get()).contains("beyond program prog-devnet's limit of 5000");
        assertThat(vm.canReviewProperty().get()).isFalse();
        vm.review();
        assertThat(backend.prepared).isEmpty();
    }

    @Test
    void refusesADurationBeyondTheProgramsLimitAndSaysWhichFieldIsNotANumber() {
        vm.valueProperty().set("-20");
        vm.durationMinutesProperty().set("300");
        assertThat(vm.refusalProperty().get()).contains("longer than program prog-devnet's limit");

        vm.durationMinutesProperty().set("half an hour");
        assertThat(vm.refusalProperty().get()).isEqualTo("Duration (min) must be a number, was 'half an hour'");
        assertThat(vm.canReviewProperty().get()).isFalse();
    }

    @Test
    void thePriorityIsOptionalAndAWholeNumberFromZero() {
        vm.valueProperty().set("-20");
        vm.priorityProperty().set("-1");
        assertThat(vm.refusalProperty().get()).isEqualTo("Priority must be a whole number from 0 (highest), or blank for none");
        assertThat(vm.canReviewProperty().get()).isFalse();
        vm.priorityProperty().set("1.5");
        assertThat(vm.canReviewProperty().get()).isFalse();

        vm.priorityProperty().set("2");
        vm.review();
        assertThat(backend.prepared.getFirst().request().priority()).contains(2);

        vm.back();
        vm.priorityProperty().set(" ");
        vm.review();
        assertThat(backend.prepared.getLast().request().priority()).as("blank: none").isEmpty();
    }

    @Test
    void flagsAnOverlappingEventAndNeedsTheOverlapAllowedExplicitly() {
        backend.events.add(ScriptedDemandResponse.anEvent("ev-old", "site-a", ChainEvent.State.ACTIVE,
                ScriptedDemandResponse.NOW.minusSeconds(60), Duration.ofMinutes(30)));
        vm.refresh();
        vm.valueProperty().set("-20");

        assertThat(vm.overlapProperty().get()).contains("ev-old").contains("site-a");
        assertThat(vm.canReviewProperty().get()).isFalse();
        vm.allowOverlapProperty().set(true);
        assertThat(vm.canReviewProperty().get()).isTrue();
        assertThat(vm.overlapProperty().get()).contains("(allowed)");
    }

    @Test
    void reviewShowsExactlyThePreparedMessageAndSignsNothingUntilConfirmed() {
        vm.valueProperty().set("-20");
        vm.review();

        assertThat(vm.stepProperty().get()).isEqualTo(DemandResponseViewModel.Step.CONFIRM);
        assertThat(vm.confirmationProperty().get()).contains(backend.prepared.getFirst().messageJson()).contains("plurigrid-devnet")
                .contains("cosmos1op").contains("cosmos1contract");
        assertThat(backend.sent).isEmpty();

        vm.confirm();

        assertThat(backend.sent).containsExactly(backend.prepared.getFirst());
        assertThat(vm.followed()).containsExactly("ev-1");
        assertThat(vm.stepProperty().get()).isEqualTo(DemandResponseViewModel.Step.EDIT);
    }

    @Test
    void backLeavesTheConfirmationWithoutSigning() {
        vm.valueProperty().set("-20");
        vm.review();
        vm.back();
        vm.confirm();

        assertThat(backend.sent).isEmpty();
        assertThat(vm.confirmationProperty().get()).isEmpty();
        assertThat(vm.canReviewProperty().get()).isTrue();
    }

    @Test
    void followsTheDispatchedEventWithDeviceStatesAndARequestedVersusDeliveredTrend() {
        vm.valueProperty().set("-20");
        vm.review();
        vm.confirm();
        backend.deliveredKw = 14;
        vm.tick();

        EventSnapshot s = vm.liveProperty().get();
        assertThat(s.height()).isEqualTo(42);
        assertThat(s.count(DeviceState.RESPONDING)).isEqualTo(1);
        assertThat(s.count(DeviceState.OFFLINE)).isEqualTo(1);
        assertThat(vm.liveDevices()).hasSize(2);
        assertThat(vm.trend()).last().satisfies(p -> {
            assertThat(p.requestedKw()).isEqualTo(20);
            assertThat(p.deliveredKw()).isEqualTo(14);
        });
    }

    @Test
    void cancelCancelsEveryFollowedEventAndTheDevicesComeBackRestored() {
        vm.valueProperty().set("-20");
        vm.review();
        vm.confirm();
        vm.cancelLive();
        vm.tick();

        assertThat(backend.cancelled).containsExactly("ev-1");
        assertThat(vm.progressProperty().get()).isEqualTo("Cancelled ev-1");
        assertThat(vm.liveProperty().get().count(DeviceState.RESTORED)).isEqualTo(1);
    }

    @Test
    void aGroupOfSitesSharesItsReductionByFlexibilityOneEventPerSite() {
        vm.setGroup(java.util.List.of("site-a", "site-b"));
        assertThat(vm.groupTextProperty().get()).isEqualTo("Group of 2 sites, 100 kW flexible now");
        vm.valueProperty().set("-50");

        vm.reviewGroup();

        assertThat(vm.stepProperty().get()).isEqualTo(DemandResponseViewModel.Step.CONFIRM);
        assertThat(vm.pending()).extracting(p -> p.request().target() + " " + p.request().value())
                .containsExactly("site-a -35.0", "site-b -15.0");
        assertThat(vm.confirmationProperty().get()).contains("Message 1: ").contains("Message 2: ");
        vm.confirm();
        assertThat(backend.sent).hasSize(2);
    }

    @Test
    void aGroupIsNotAskedForMoreThanItHasOrForSomethingOtherThanAReduction() {
        vm.setGroup(java.util.List.of("site-a", "site-b"));
        vm.valueProperty().set("-150");
        vm.reviewGroup();
        assertThat(vm.errorProperty().get()).isEqualTo("Refused: the group has 100 kW flexible now, 150 kW asked");
        vm.valueProperty().set("20");
        vm.reviewGroup();
        assertThat(vm.errorProperty().get()).startsWith("A group is asked for a reduction");
        assertThat(backend.prepared).isEmpty();
        vm.setGroup(java.util.List.of("site-a"));
        assertThat(vm.groupTextProperty().get()).as("one site is no group").isEmpty();
    }

    @Test
    void settlingWaitsForTheEventToBeOverThenReportsAndPays() {
        vm.valueProperty().set("-20");
        vm.review();
        vm.confirm();
        vm.tick();
        assertThat(vm.canSettleFollowedProperty().get()).as("running event").isFalse();

        vm.settle(java.util.List.of("ev-1"));
        assertThat(vm.errorProperty().get()).startsWith("ev-1 not settled: rejected at simulate (code 5): event ev-1 runs until");
        assertThat(backend.settled).isEmpty();

        vm.cancelLive();
        assertThat(vm.canSettleFollowedProperty().get()).as("cancelled event").isTrue();
        vm.settleFollowed();

        assertThat(backend.settled).containsExactly("ev-1");
        assertThat(vm.progressProperty().get()).isEqualTo("Settled ev-1");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.events()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(ChainEvent.State.SETTLED);
            assertThat(e.payouts()).isNotEmpty();
        });
        assertThat(vm.canSettleFollowedProperty().get()).as("settled event").isFalse();
    }

    @Test
    void aProposalBecomesOneReductionEventPerSiteConfirmedTogether() {
        vm.refreshCongestions();
        assertThat(vm.congestions()).hasSize(2);
        assertThat(vm.congestions().getFirst().overloaded()).isTrue();
        assertThat(vm.congestions().get(1).n1()).isTrue();

        vm.targetLoadingProperty().set("95");
        vm.propose(vm.congestions().getFirst());
        assertThat(vm.proposalProperty().get().loadingAfterPercent()).isEqualTo(94);
        vm.reviewProposal();

        assertThat(backend.prepared).extracting(p -> p.request().target()).containsExactly("site-a", "site-b");
        assertThat(backend.prepared).extracting(p -> p.request().value()).containsExactly(-60.0, -25.0);
        assertThat(vm.confirmationProperty().get()).contains("Message 1: ").contains("Message 2: ");
        vm.confirm();
        vm.tick();
        assertThat(vm.followed()).containsExactly("ev-1", "ev-2");
        assertThat(vm.liveProperty().get().requestedKw()).isEqualTo(85);
        assertThat(vm.liveDevices()).hasSize(4);
    }

    @Test
    void filtersTheEventHistoryByStateAndText() {
        backend.events.add(ScriptedDemandResponse.anEvent("ev-1", "site-a", ChainEvent.State.SETTLED, ScriptedDemandResponse.NOW, Duration.ofMinutes(5)));
        backend.events.add(ScriptedDemandResponse.anEvent("ev-2", "site-b", ChainEvent.State.CANCELLED, ScriptedDemandResponse.NOW, Duration.ofMinutes(5)));
        backend.events.add(ScriptedDemandResponse.anEvent("ev-3", "site-b", ChainEvent.State.SETTLED, ScriptedDemandResponse.NOW, Duration.ofMinutes(5)));
        vm.refresh();

        vm.stateFilterProperty().set(ChainEvent.State.SETTLED);
        assertThat(vm.events()).extracting(ChainEvent::eventId).containsExactly("ev-1", "ev-3");
        vm.textFilterProperty().set("site-b");
        assertThat(vm.events()).extracting(ChainEvent::eventId).containsExactly("ev-3");
        vm.stateFilterProperty().set(null);
        assertThat(vm.events()).extracting(ChainEvent::eventId).containsExactly("ev-2", "ev-3");
    }

    @Test
    void aListenerOnTheFollowedEventsOutlivesGarbageCollection() {
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        vm.followed().addListener((javafx.collections.ListChangeListener<String>) c -> changes.incrementAndGet());
        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        vm.follow(java.util.List.of("ev-9"));

        assertThat(changes.get()).as("the view switches to the live tab on this change").isPositive();
    }
}
