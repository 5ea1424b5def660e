package org.plurigrid.console.views.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.views.common.BackgroundTask.Outcome;

class BackgroundTaskTest {

    /** Records where each piece ran. */
    private final List<String> trace = new ArrayList<>();
    private final Executor background = r -> {
        trace.add("background");
        r.run();
    };
    private final Executor fx = r -> {
        trace.add("fx");
        r.run();
    };

    @Test
    void runsTheWorkInTheBackgroundAndHandsTheValueBackOnFx() {
        AtomicReference<Outcome<Integer>> got = new AtomicReference<>();
        BackgroundTask.run(background, fx, () -> {
            trace.add("work");
            return 42;
        }, o -> {
            trace.add("done");
            got.set(o);
        });
        assertThat(trace).containsExactly("background", "work", "fx", "done");
        assertThat(got.get()).isEqualTo(new Outcome.Done<>(42));
    }

    @Test
    void aFailureComesBackAsAnOutcomeWithTheOperatorsMessage() {
        AtomicReference<Outcome<String>> got = new AtomicReference<>();
        BackgroundTask.run(background, fx, () -> {
            throw new IllegalStateException("Cannot reach any node of chain plurigrid-devnet-1");
        }, got::set);
        assertThat(got.get()).isInstanceOfSatisfying(Outcome.Failed.class,
                f -> assertThat(f.message()).isEqualTo("Cannot reach any node of chain plurigrid-devnet-1"));
        assertThat(trace).containsExactly("background", "fx");

        BackgroundTask.run(background, fx, () -> {
            throw new java.io.IOException();
        }, got::set);
        assertThat(((Outcome.Failed<String>) got.get()).message()).as("no message: the kind").isEqualTo("IOException");
    }
}
