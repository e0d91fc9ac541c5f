package dev.oponn.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories the harness makes and removes. */
final class Dirs {

    private Dirs() {}

    /** Deletes the tree; what cannot be deleted (a file another process still writes) stays behind in /tmp. */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Left for the system's temporary-file cleaning.
                }
            });
        } catch (IOException e) {
            // As above.
        }
    }
}
