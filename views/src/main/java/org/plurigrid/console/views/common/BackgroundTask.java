package org.plurigrid.console.views.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one way a view-model leaves the FX thread and comes back: {@code work} runs on {@code background}, and its
 * {@link Outcome} — the value, or the failure with a message for the operator — is handed to {@code done} through
 * {@code fx}. In the spirit of JabRef's {@code BackgroundTask}, cut to what the console needs (see ADR in docs/adr).
 *
 * <pre>{@code
 * BackgroundTask.run(background, fx, () -> actions.loadProposals(), outcome -> switch (outcome) {
 *     case Outcome.Done<List<ProposalSummary>> d -> show(d.value());
 *     case Outcome.Failed<List<ProposalSummary>> f -> error.set(f.message());
 * });
 * }</pre>
 */
public final class BackgroundTask {

    private BackgroundTask() {
    }

    /** What background work came to: its value, or why it failed. */
    public sealed interface Outcome<T> {
        record Done<T>(T value) implements Outcome<T> {
        }

        /** {@code message} is for the operator: the exception's own message, or its kind when it has none. */
        record Failed<T>(String message, Exception cause) implements Outcome<T> {
            public Failed {
                Objects.requireNonNull(message, "message");
                Objects.requireNonNull(cause, "cause");
            }
        }
    }

    /** Runs {@code work} on {@code background}; {@code done} always runs on {@code fx}, exactly once. */
    public static <T> void run(Executor background, Executor fx, Callable<T> work, Consumer<Outcome<T>> done) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(done, "done");
        background.execute(() -> {
            Outcome<T> outcome;
            try {
                outcome = new Outcome.Done<>(work.call());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = new Outcome.Failed<>("Interrupted", e);
            } catch (Exception e) {
                outcome = new Outcome.Failed<>(message(e), e);
            }
            Outcome<T> o = outcome;
            fx.execute(() -> done.accept(o));
        });
    }

    /** An exception's message for the operator, or its simple class name when it has none. */
    public static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
