package dev.oponn.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from {@code /proc}, to say where the cores went during a run: the server under test, the PostgreSQL
 * backends serving the run's database (their process titles name it), and the load generator itself. On a
 * two-core machine this is what tells a database limit from a CPU limit.
 */
final class CpuClock {

    private final long ticksPerSecond;

    CpuClock(long ticksPerSecond) {
        this.ticksPerSecond = ticksPerSecond;
    }

    /** User plus system CPU of one process in nanoseconds; -1 if it cannot be read. */
    long processNanos(long pid) {
        try {
            return ticksToNanos(ticks(Files.readString(Path.of("/proc/" + pid + "/stat"))));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    long selfNanos() {
        return processNanos(ProcessHandle.current().pid());
    }

    /**
     * CPU of every PostgreSQL backend whose process title names {@code database}. A backend that exits between two
     * readings takes its time with it, so this slightly under-counts; the pool keeps its connections, so it is
     * little.
     */
    long databaseBackendsNanos(String database) {
        long sum = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String title = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    if (title.startsWith("postgres: ") && title.contains(" " + database + " ")) {
                        sum += ticks(Files.readString(process.resolve("stat")));
                    }
                } catch (IOException | RuntimeException gone) {
                    // The process ended while being read.
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticksToNanos(sum);
    }

    /** Busy CPU time of the whole machine (every process, anyone's), from the first line of {@code /proc/stat}. */
    long machineBusyNanos() {
        try {
            String[] f =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return ticksToNanos(busy);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime from a {@code /proc/<pid>/stat} line (fields 14 and 15, counted after the command name). */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private long ticksToNanos(long ticks) {
        return ticks * 1_000_000_000L / ticksPerSecond;
    }
}
