package org.plurigrid.console.views.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.assets.AssetActions;
import org.plurigrid.console.client.assets.AssetRef;

class AssetActionRunnerTest {

    private static final AssetRef POINT = new AssetRef(AssetRef.Kind.POINT, "g/n/d/m");

    @Test
    void theResultOfAnActionOrWhyItFailedIsShownInOneLine() {
        AssetActions actions = asset -> List.of(
                new AssetActions.Offer("Count", () -> asset.id() + " changed 3 times"),
                new AssetActions.Offer("Open", () -> { throw new IllegalStateException("register offline"); }));
        AssetActionRunner runner = new AssetActionRunner(actions, Runnable::run, Runnable::run);

        List<AssetActions.Offer> offers = runner.offersFor(POINT);
        runner.run(offers.get(0));
        assertThat(runner.resultProperty().get()).isEqualTo("g/n/d/m changed 3 times");
        runner.run(offers.get(1));
        assertThat(runner.resultProperty().get()).isEqualTo("Open failed: register offline");
    }

    @Test
    void actionsThatCannotBeListedAreNoOfferAndSaySo() {
        AssetActionRunner runner = new AssetActionRunner(asset -> { throw new IllegalStateException("broken"); },
                Runnable::run, Runnable::run);

        assertThat(runner.offersFor(POINT)).isEmpty();
        assertThat(runner.resultProperty().get()).contains("unavailable").contains("broken");
    }
}
