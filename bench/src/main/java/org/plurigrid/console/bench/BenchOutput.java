package org.plurigrid.console.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where a benchmark writes its figures unless told with {@code --out}: the bench module's target folder. */
final class BenchOutput {

    private BenchOutput() {
    }

    /** {@code bench/target/NAME} when run from the repository's root, {@code target/NAME} from the bench module. */
    static Path defaultFile(String name) {
        return Files.isDirectory(Path.of("bench")) ? Path.of("bench", "target", name) : Path.of("target", name);
    }
}
