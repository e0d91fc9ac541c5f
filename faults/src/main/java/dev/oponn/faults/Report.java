package dev.oponn.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The suite's findings: one row per fault or abuse case, as JSON and as the short table the test output prints. */
final class Report {

    /**
     * @param recovery seconds from the fault's end until every instance acknowledged votes again (-1: not measured)
     * @param converged seconds after the load stopped until every viewer showed the database's tally
     * @param seen what clients were answered while the fault lasted ({@code 503: 240})
     * @param passed whether every assertion of the case held
     * @param ledger whether the row counts votes (a fault under load), or is an abuse case with its own criterion
     */
    record Row(
            String fault,
            long attempted,
            long acknowledged,
            long failed,
            long unknown,
            long lost,
            long duplicated,
            double recovery,
            double converged,
            Map<String, Long> seen,
            String notes,
            boolean passed,
            boolean ledger) {

        static Row of(
                String fault,
                Checker.Verdict v,
                double recovery,
                double converged,
                Map<String, Long> seen,
                String notes) {
            return new Row(
                    fault,
                    v.attempted(),
                    v.acknowledged(),
                    v.failed(),
                    v.unknown(),
                    v.lost() + v.refusedButWritten(),
                    v.duplicated() + v.neverAttempted(),
                    recovery,
                    converged,
                    seen,
                    notes,
                    v.clean(),
                    true);
        }

        /** An abuse case: no vote ledger, a pass criterion and what was measured. */
        static Row abuse(String fault, long attempted, Map<String, Long> seen, String notes, boolean passed) {
            return new Row(fault, attempted, 0, 0, 0, 0, 0, -1, -1, seen, notes, passed, false);
        }

        Row failedWith(String note) {
            return new Row(
                    fault,
                    attempted,
                    acknowledged,
                    failed,
                    unknown,
                    lost,
                    duplicated,
                    recovery,
                    converged,
                    seen,
                    notes + "; " + note,
                    false,
                    ledger);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(Row row) {
        rows.add(row);
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    synchronized String table() {
        StringBuilder out = new StringBuilder();
        out.append("| fault | attempted | acknowledged | lost | duplicated | recovery | viewers settled | clients saw"
                + " during the fault | result |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append("| ").append(r.fault());
            out.append(" | ").append(r.attempted());
            out.append(" | ").append(r.ledger() ? Long.toString(r.acknowledged()) : "-");
            out.append(" | ").append(r.ledger() ? Long.toString(r.lost()) : "-");
            out.append(" | ").append(r.ledger() ? Long.toString(r.duplicated()) : "-");
            out.append(" | ").append(seconds(r.recovery()));
            out.append(" | ").append(seconds(r.converged()));
            out.append(" | ").append(seen(r.seen()));
            out.append(r.notes().isEmpty() ? "" : "; " + r.notes());
            out.append(" | ").append(r.passed() ? "pass" : "FAIL").append(" |\n");
        }
        return out.toString();
    }

    private static String seconds(double s) {
        return s < 0 ? "-" : String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String seen(Map<String, Long> seen) {
        return seen.entrySet().stream()
                .map(e -> e.getKey() + " ×" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    synchronized void write(Path file) {
        StringBuilder json = new StringBuilder("{\"rows\":[\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            json.append("  {\"fault\":").append(quote(r.fault()));
            json.append(",\"attempted\":").append(r.attempted());
            json.append(",\"acknowledged\":").append(r.acknowledged());
            json.append(",\"failed\":").append(r.failed());
            json.append(",\"unknown\":").append(r.unknown());
            json.append(",\"lost\":").append(r.lost());
            json.append(",\"duplicated\":").append(r.duplicated());
            json.append(",\"recovery_seconds\":").append(r.recovery());
            json.append(",\"viewers_settled_seconds\":").append(r.converged());
            json.append(",\"seen\":{");
            json.append(r.seen().entrySet().stream()
                    .map(e -> quote(e.getKey()) + ":" + e.getValue())
                    .collect(Collectors.joining(",")));
            json.append("},\"notes\":").append(quote(r.notes()));
            json.append(",\"vote_ledger\":").append(r.ledger());
            json.append(",\"passed\":").append(r.passed()).append('}');
            json.append(i + 1 < rows.size() ? ",\n" : "\n");
        }
        json.append("]}\n");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
