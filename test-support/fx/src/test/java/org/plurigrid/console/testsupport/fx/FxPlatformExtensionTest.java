package org.plurigrid.console.testsupport.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.eventually;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.onFx;
import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.runOnFx;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FxPlatformExtension.class)
class FxPlatformExtensionTest {

    @Test
    void onFxRunsTheWorkOnTheFxThreadAndReturnsItsResult() {
        assertThat(Platform.isFxApplicationThread()).isFalse();
        assertThat(onFx(Platform::isFxApplicationThread)).isTrue();
        assertThat(onFx(() -> 6 * 7)).isEqualTo(42);
    }

    @Test
    void onFxRethrowsWhatTheWorkThrew() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad value");
        assertThatThrownBy(() -> onFx(() -> {
            throw thrown;
        })).isSameAs(thrown);
        AssertionError failed = new AssertionError("expected on the FX thread");
        assertThatThrownBy(() -> runOnFx(() -> {
            throw failed;
        })).isSameAs(failed);
    }

    @Test
    void onFxFailsWhenTheFxThreadDoesNotFinishInTime() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThatThrownBy(() -> onFx(Duration.ofMillis(150), () -> "late"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("within 150 ms");
        } finally {
            release.countDown();
        }
        assertThat(onFx(() -> "free again")).isEqualTo("free again");
    }

    @Test
    void onFxCalledOnTheFxThreadRunsDirectlyInsteadOfDeadlocking() {
        assertThat(onFx(() -> onFx(() -> "nested"))).isEqualTo("nested");
    }

    @Test
    void eventuallyWaitsForStateSetLaterOnTheFxThread() throws Exception {
        AtomicBoolean set = new AtomicBoolean();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Platform.runLater(() -> set.set(true));
        });
        eventually("flag set", Duration.ofSeconds(5), set::get);
        assertThatThrownBy(() -> eventually("never", Duration.ofMillis(100), () -> false))
                .isInstanceOf(AssertionError.class).hasMessage("Not within 100 ms: never");
    }
}
