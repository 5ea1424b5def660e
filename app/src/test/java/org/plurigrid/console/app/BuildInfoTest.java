package org.plurigrid.console.app;

import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuildInfoTest {

    private static Attributes manifest(String version, String commit) {
        Attributes a = new Attributes();
        if (version != null) a.put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        if (commit != null) a.putValue("Build-Commit", commit);
        return a;
    }

    @Test
    void describesVersionAndCommitFromTheManifest() {
        assertThat(BuildInfo.of(manifest("0.1.0", "0c1f9cc2ab")).describe())
                .isEqualTo("Plurigrid Console 0.1.0 (commit 0c1f9cc2ab)");
    }

    @Test
    void leavesOutACommitThatWasNeverFilledIn() {
        // Outside a git clone the build writes the unexpanded property; that must not print as a commit.
        assertThat(BuildInfo.of(manifest("0.1.0", "${git.commit.id.abbrev}")).describe())
                .isEqualTo("Plurigrid Console 0.1.0");
    }

    @Test
    void aClassPathRunIsADevelopmentBuild() {
        assertThat(BuildInfo.of(manifest(null, null)).describe()).isEqualTo("Plurigrid Console (development build)");
    }
}
