package org.plurigrid.console.client.dr;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DR event as the program contract holds it ({@code {"event":{"event_id":..}}}): what was asked, its state on
 * chain, the deliveries reported and, once settled, the payouts.
 */
public record ChainEvent(String eventId, String programId, String target, PayloadType payloadType, double value, String units,
                         Instant start, Duration duration, Duration randomizeStart, Optional<Integer> priority, State state,
                         String dispatcher, long height, Instant dispatchedAt, Optional<Instant> cancelledAt,
                         List<String> overlaps, List<Delivery> deliveries, Optional<Double> baselineKw, Optional<Double> measuredKw,
                         List<Payout> payouts) {

    /** The event's life on chain. */
    public enum State { SCHEDULED, ACTIVE, COMPLETED, CANCELLED, SETTLED }

    /** Energy delivered by one resource (device), at its site, Wh. */
    public record Delivery(String resource, String site, BigInteger deliveredWh) {
    }

    /** What one owner account was paid at settlement. */
    public record Payout(String owner, BigInteger amount) {
    }

    public ChainEvent {
        Objects.requireNonNull(eventId, "eventId");
        overlaps = List.copyOf(overlaps);
        deliveries = List.copyOf(deliveries);
        payouts = List.copyOf(payouts);
    }

    public Instant end() {
        return start.plus(duration);
    }

    /** When delivery ends: at {@link #end()}, or at the cancellation if that came first. */
    public Instant endOfDelivery() {
        return cancelledAt.filter(c -> c.isBefore(end())).orElse(end());
    }

    /** True while devices should act on it (not cancelled, settled or over). */
    public boolean isLive(Instant now) {
        return state != State.CANCELLED && state != State.SETTLED && now.isBefore(end());
    }

    /**
     * True when delivery can be reported and the event settled: it is over (cancelled, or past its end at {@code now})
     * and not settled yet. The contract refuses a settlement before that.
     */
    public boolean isSettleable(Instant now) {
        return state != State.SETTLED && (cancelledAt.isPresent() || state == State.CANCELLED || !now.isBefore(end()));
    }

    /** The event as OpenADR 3.1; a cancelled event as the User Guide's cancellation (7.9). */
    public DrEvent toOpenAdr() {
        DrEvent e = DrEvent.single(eventId, programId, dispatchedAt, List.of(target), payloadType, units, value,
                new IntervalPeriod(start, duration, randomizeStart.isZero() ? Optional.empty() : Optional.of(randomizeStart)), priority);
        return cancelledAt.map(e::cancelled).orElse(e);
    }
}
