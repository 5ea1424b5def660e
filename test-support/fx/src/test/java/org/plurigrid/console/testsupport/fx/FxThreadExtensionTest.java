package org.plurigrid.console.testsupport.fx;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.application.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FxThreadExtension.class)
class FxThreadExtensionTest {

    private boolean setUpOnFx;

    @BeforeEach
    void setUp() {
        setUpOnFx = Platform.isFxApplicationThread();
    }

    @Test
    void runsSetUpAndTestOnTheFxThread() {
        assertThat(setUpOnFx).as("@BeforeEach on the FX thread").isTrue();
        assertThat(Platform.isFxApplicationThread()).as("test on the FX thread").isTrue();
    }
}
