package dev.oponn.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local keyset as its file holds it now. A running instance re-reads the file when it has changed, so that
 * {@code ./oponn keyset --rotate} and then {@code ./oponn rewrap} need no restart: before this, an instance that had
 * not restarted answered 503 for every ballot it had not opened before the rewrap (its data key now wrapped by a
 * key the instance had never read), which the fault suite ({@code faults/}, key rotation) found. A stat per use is
 * cheap: the master key is used to create a ballot and to unwrap a data key that is not cached, not per vote.
 */
final class LocalKeysetFile {

    private static final Logger log = LoggerFactory.getLogger(LocalKeysetFile.class);

    private record Loaded(LocalKeyset keyset, FileTime modified) {}

    private final Path file;
    private final AtomicReference<Loaded> loaded;

    LocalKeysetFile(Path file, LocalKeyset keyset) {
        this.file = file;
        this.loaded = new AtomicReference<>(new Loaded(keyset, modified(file)));
    }

    LocalKeyset current() {
        Loaded now = loaded.get();
        FileTime modified = modified(file);
        if (modified.equals(now.modified())) {
            return now.keyset();
        }
        try {
            LocalKeyset fresh = LocalKeyset.readIfPresent(file).orElse(now.keyset());
            if (loaded.compareAndSet(now, new Loaded(fresh, modified))) {
                log.atInfo()
                        .setMessage("master_key.keyset_reloaded")
                        .addKeyValue("primary", fresh.primary().id())
                        .addKeyValue("keys", fresh.size())
                        .log();
            }
            return fresh;
        } catch (RuntimeException e) {
            // Half an edit, or a file made unreadable: the keys read before still serve, and the next use tries again.
            log.atWarn()
                    .setMessage("master_key.keyset_unreadable")
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log();
            return now.keyset();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
