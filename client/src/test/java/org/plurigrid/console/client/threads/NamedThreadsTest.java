package org.plurigrid.console.client.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class NamedThreadsTest {

    private static final Runnable NOTHING = () -> { };

    @Test
    void singleThreadsCarryTheirNameAndAreDaemons() {
        Thread t = NamedThreads.daemon("grid-model").newThread(NOTHING);
        assertThat(t.getName()).isEqualTo("grid-model");
        assertThat(t.isDaemon()).isTrue();
        assertThat(t.isVirtual()).isFalse();
        assertThat(t.getState()).as("made, not started").isEqualTo(Thread.State.NEW);
    }

    @Test
    void poolThreadsAreNumberedFromOneAtTheGivenPriority() {
        ThreadFactory f = NamedThreads.numberedDaemons("basemap-tiles", Thread.NORM_PRIORITY - 1);
        Thread first = f.newThread(NOTHING);
        Thread second = f.newThread(NOTHING);
        assertThat(first.getName()).isEqualTo("basemap-tiles-1");
        assertThat(second.getName()).isEqualTo("basemap-tiles-2");
        assertThat(second.getPriority()).isEqualTo(Thread.NORM_PRIORITY - 1);
        assertThat(second.isDaemon()).isTrue();
        assertThat(NamedThreads.numberedDaemons("x").newThread(NOTHING).getPriority()).isEqualTo(Thread.NORM_PRIORITY);
    }

    @Test
    void refusesANamelessThread() {
        assertThatThrownBy(() -> NamedThreads.daemon(" ")).hasMessageContaining("name");
    }
}
