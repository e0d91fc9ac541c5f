package dev.oponn.platform;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;

/**
 * Finds the embedded PostgreSQL's binaries as the library does, and refuses to start, naming what to set, when this
 * build has none for the system: the server's jar ({@code oponn-<version>-server.jar}, for staging and production,
 * which refuse the embedded database anyway) or a jar built for another system.
 */
final class EmbeddedBinaries implements PgBinaryResolver {

    /** What {@link DefaultPostgresBinaryResolver} throws when no binaries of this system are on the class path. */
    private static final String MISSING = "Missing embedded postgres binaries";

    private final PgBinaryResolver delegate;

    EmbeddedBinaries() {
        this(DefaultPostgresBinaryResolver.INSTANCE);
    }

    EmbeddedBinaries(PgBinaryResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public InputStream getPgBinary(String system, String architecture) throws IOException {
        try {
            return delegate.getPgBinary(system, architecture);
        } catch (IllegalStateException e) {
            if (!MISSING.equals(e.getMessage())) {
                throw e;
            }
            throw new RefusedToStart("This build of Oponn carries no embedded PostgreSQL for " + system + " "
                    + architecture + " (the server's jar, oponn-<version>-server.jar, carries none). Set"
                    + " OPONN_DATABASE_URL to a PostgreSQL of your own, or run the development jar"
                    + " (oponn-<version>.jar) built on a Linux amd64, macOS or Windows machine.");
        }
    }
}
