package dev.oponn.faults;

import java.nio.file.Path;
import java.util.Map;

/**
 * What every test class of the suite shares: one cluster (two instances, a local master keyset) and the report,
 * written and printed when the suite ends.
 */
final class Suite implements AutoCloseable {

    private final Rig rig;
    private final Report report = new Report();

    private Suite(Rig rig) {
        this.rig = rig;
    }

    static Suite start() {
        return new Suite(Rig.start("main", 2, false, Map.of()));
    }

    Rig rig() {
        return rig;
    }

    Report report() {
        return report;
    }

    @Override
    public void close() {
        try {
            rig.close();
        } finally {
            Path file = Path.of(System.getProperty("oponn.faults.report", "target/faults-report.json"));
            report.write(file);
            System.out.println("\nWhat Oponn survives (" + file + "):\n\n" + report.table());
        }
    }
}
