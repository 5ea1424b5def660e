package org.plurigrid.console.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicFilterTest {

    @Test
    void parsesASharedSubscriptionIntoGroupAndFilter() {
        TopicFilter f = TopicFilter.parse("$share/consoles/spBv1.0/cg-utrecht/#");

        assertThat(f.isShared()).isTrue();
        assertThat(f.shareGroup()).isEqualTo("consoles");
        assertThat(f.filter()).isEqualTo("spBv1.0/cg-utrecht/#");
        assertThat(f).hasToString("$share/consoles/spBv1.0/cg-utrecht/#");
        assertThat(f.matches("spBv1.0/cg-utrecht/DDATA/utrecht-sub-01/pv-0001")).isTrue();
        assertThat(f.matches("spBv1.0/cg-brabant/DDATA/brabant-sub-01/pv-0001")).isFalse();
    }

    @Test
    void rejectsMalformedSharedSubscriptionsAndWildcards() {
        assertThatThrownBy(() -> TopicFilter.parse("$share/consoles")).hasMessageContaining("$share/{group}/{filter}");
        assertThatThrownBy(() -> TopicFilter.parse("$share//spBv1.0/#")).hasMessageContaining("$share/{group}");
        assertThatThrownBy(() -> TopicFilter.parse("spBv1.0/#/DDATA")).hasMessageContaining("'#' only");
        assertThatThrownBy(() -> TopicFilter.parse("spBv1.0/cg+/DDATA")).hasMessageContaining("'+' only");
    }

    @Test
    void matchesLikeABroker() {
        assertThat(TopicFilter.matches("a/+/c", "a/b/c")).isTrue();
        assertThat(TopicFilter.matches("a/+/c", "a/b/d")).isFalse();
        assertThat(TopicFilter.matches("a/+", "a/b/c")).isFalse();
        assertThat(TopicFilter.matches("a/#", "a")).isTrue();
        assertThat(TopicFilter.matches("a/#", "a/b/c")).isTrue();
        assertThat(TopicFilter.matches("#", "a/b")).isTrue();
        assertThat(TopicFilter.matches("#", "$SYS/load")).isFalse();
        assertThat(TopicFilter.matches("a/b", "a/bc")).isFalse();
        assertThat(TopicFilter.matches("a/+/+", "a//")).isTrue();
        assertThat(TopicFilter.matches("+", "")).isTrue();
        assertThat(TopicFilter.matches("a", "a/b")).isFalse();
    }

    @Test
    void aTrailingEmptyLevelMatchesOnlyAnEmptyLastLevel() {
        // fuzzing finding (JsonMappingFuzzTest finding-trailing-empty-levels): a filter ending in '/' matched nothing
        assertThat(TopicFilter.matches("a/", "a/")).isTrue();
        assertThat(TopicFilter.matches("/", "/")).isTrue();
        assertThat(TopicFilter.matches("/////", "/////")).isTrue();
        assertThat(TopicFilter.matches("a/", "a")).isFalse();
        assertThat(TopicFilter.matches("a/", "a/b")).isFalse();
        assertThat(TopicFilter.matches("/", "")).isFalse();
        assertThat(TopicFilter.matches("a/+/", "a/b/")).isTrue();
        assertThat(TopicFilter.matches("a/+/", "a/b/c")).isFalse();
    }

    @Test
    void aFilterCoversAnotherWhenEveryTopicOfTheOtherFallsUnderIt() {
        assertThat(covers("#", "coop/+/state")).isTrue();
        assertThat(covers("coop/#", "coop/+/state")).isTrue();
        assertThat(covers("coop/#", "coop")).as("# includes the parent level").isTrue();
        assertThat(covers("coop/+/state", "coop/+/state")).isTrue();
        assertThat(covers("coop/+/+", "coop/a/state")).isTrue();
        assertThat(covers("coop/a/state", "coop/+/state")).isFalse();
        assertThat(covers("coop/+", "coop/#")).isFalse();
        assertThat(covers("coop/+", "coop/a/b")).isFalse();
        assertThat(covers("coop/+/state", "coop/+")).isFalse();
        assertThat(covers("#", "$SYS/#")).as("wildcards never match $ topics").isFalse();
        assertThat(covers("$SYS/#", "$SYS/broker/+")).isTrue();
        assertThat(covers("$share/g/#", "coop/+")).as("a shared subscription delivers to one of a group").isFalse();
    }

    private static boolean covers(String a, String b) {
        return TopicFilter.parse(a).covers(TopicFilter.parse(b));
    }
}
