package dev.oponn.results;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.oponn.ballot.BallotStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A tally as a file: CSV (RFC 4180, written by FastCSV) or the JSON record below. A CSV cell that a spreadsheet
 * would read as a formula (it starts with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe,
 * so a write-in such as {@code =HYPERLINK(...)} stays text.
 */
@Schema(name = "Export")
public record ResultsExport(
        String id,
        String question,
        String status,
        Instant startsAt,

        @Schema(
                types = {"string", "null"},
                format = "date-time")
        @Nullable
        Instant endsAt,

        long totalVotes,
        long tallyVersion,
        Instant readAt,
        List<Option> options) {

    @Schema(name = "ExportOption")
    public record Option(String label, long votes, double percent) {}

    public static ResultsExport of(Results results, Instant readAt) {
        long total = results.total();
        return new ResultsExport(
                results.ballot().id().value(),
                results.ballot().measure(),
                status(results.ballot().status(readAt)),
                results.ballot().startsAt(),
                results.ballot().endsAt(),
                total,
                results.version(),
                readAt,
                results.rows().stream()
                        .map(row -> new Option(row.option().label(), row.votes(), share(row.votes(), total)))
                        .toList());
    }

    private static String status(BallotStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** Percent of all votes, to one decimal place. */
    static double share(long votes, long total) {
        return total == 0 ? 0 : Math.round(1000.0 * votes / total) / 10.0;
    }

    /**
     * The header row {@code option,votes,percent}, one row per option, then the ballot's own fields as rows of the
     * same three columns, each named in its first cell with a leading {@code #} ({@code #question}, {@code #status},
     * {@code #starts_at}, {@code #ends_at}): every record has the same fields, as RFC 4180 asks, and a program that
     * wants only the options stops at the first {@code #} row.
     */
    public String csv() {
        StringWriter out = new StringWriter();
        try (CsvWriter csv =
                CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out)) {
            csv.writeRecord("option", "votes", "percent");
            for (Option option : options) {
                csv.writeRecord(neutralised(option.label()), Long.toString(option.votes()), percent(option.percent()));
            }
            csv.writeRecord("#question", neutralised(question), "");
            csv.writeRecord("#status", status, "");
            csv.writeRecord("#starts_at", startsAt.toString(), "");
            csv.writeRecord("#ends_at", endsAt == null ? "" : endsAt.toString(), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f", percent);
    }

    /** OWASP's advice for CSV injection: a leading apostrophe makes the cell text in every spreadsheet. */
    static String neutralised(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell
                : cell;
    }
}
