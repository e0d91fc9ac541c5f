package dev.oponn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table has one owner, and only the owner's SQL names it (docs/architecture.md, "Where things live"): the
 * ownership is read off the sources, not trusted to prose. A table is named where a statement reads or writes it
 * (after {@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE} or {@code TABLE}); the tables are those the
 * migrations create, and every one of them must have an owner here. Views, such as {@code ballot_window}, are what a
 * feature publishes of its tables: any feature may read them.
 */
class TableOwnershipTests {

    private static final Path SOURCES = Path.of("src/main/java/dev/oponn");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Table to owning feature, as docs/architecture.md and each feature's package-info say. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("ballot", "ballot"),
            Map.entry("ballot_option", "ballot"),
            Map.entry("ballot_voter", "vote"),
            Map.entry("tally_shard", "vote"),
            Map.entry("tally_content", "vote"),
            Map.entry("ballot_address_votes", "vote"),
            Map.entry("spent_vote_challenge", "vote"),
            Map.entry("ballot_vote_refusals", "vote"),
            Map.entry("ballot_key", "crypto"),
            Map.entry("account", "account"),
            Map.entry("account_identity", "account"),
            Map.entry("webhook", "webhook"),
            Map.entry("webhook_delivery", "webhook"));

    private static final Pattern CREATED_TABLE =
            Pattern.compile("(?i)\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");

    /** SQL keywords as Oponn writes them, in capitals; prose says "from" in lower case. */
    private static final Pattern TABLE_REFERENCE =
            Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_][a-z0-9_]*)\\b");

    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
    private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*//.*$");

    record Reference(String feature, Path file, String table) {}

    @Test
    void everyTableTheMigrationsCreateHasAnOwner() {
        assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(createdTables());
    }

    @Test
    void onlyTheOwningFeaturesSqlNamesATable() {
        List<String> trespasses = references(createdTables()).stream()
                .filter(reference -> !OWNERS.get(reference.table()).equals(reference.feature()))
                .map(reference -> "%s (%s) names %s, which is %s's"
                        .formatted(
                                reference.feature(),
                                reference.file(),
                                reference.table(),
                                OWNERS.get(reference.table())))
                .distinct()
                .toList();
        assertThat(trespasses).isEmpty();
    }

    /** The scanner sees the statements it must judge: without this, finding nothing would prove nothing. */
    @Test
    void theScannerFindsTheTablesAStatementNames() {
        assertThat(references(createdTables()))
                .as("vote's group commit writes the counters")
                .contains(
                        new Reference("vote", SOURCES.resolve("vote/VoteRepository.java"), "tally_shard"),
                        new Reference("vote", SOURCES.resolve("vote/VoteRepository.java"), "ballot_voter"),
                        new Reference("ballot", SOURCES.resolve("ballot/BallotRepository.java"), "ballot"));
        Set<String> tables = createdTables();
        assertThat(tablesNamedIn("""
                        /** Reads FROM ballot_key in a comment, which is not a statement. */
                        String sql = \"""
                            SELECT b.measure FROM ballot b
                            JOIN ballot_option o ON o.ballot_id = b.id
                            \""";
                        String delete = "DELETE FROM account_identity WHERE id = ?";
                        String update = "UPDATE webhook SET active = false";
                        String window = "SELECT ends_at FROM ballot_window";
                        // we moved votes from ballot to ballot
                        """, tables))
                .containsExactlyInAnyOrder("ballot", "ballot_option", "account_identity", "webhook");
    }

    private static Set<String> createdTables() {
        Set<String> tables = new TreeSet<>();
        for (Path migration : files(MIGRATIONS, ".sql")) {
            Matcher created = CREATED_TABLE.matcher(read(migration));
            while (created.find()) {
                tables.add(created.group(1).toLowerCase());
            }
        }
        assertThat(tables).as("tables created by %s", MIGRATIONS).isNotEmpty();
        return tables;
    }

    private static List<Reference> references(Set<String> tables) {
        List<Reference> references = new ArrayList<>();
        for (Path source : files(SOURCES, ".java")) {
            Path relative = SOURCES.relativize(source);
            if (relative.getNameCount() < 2) {
                continue;
            }
            String feature = relative.getName(0).toString();
            for (String table : tablesNamedIn(read(source), tables)) {
                references.add(new Reference(feature, source, table));
            }
        }
        return references;
    }

    static Set<String> tablesNamedIn(String source, Set<String> tables) {
        String code = LINE_COMMENT
                .matcher(BLOCK_COMMENT.matcher(source).replaceAll(" "))
                .replaceAll(" ");
        Set<String> named = new TreeSet<>();
        Matcher reference = TABLE_REFERENCE.matcher(code);
        while (reference.find()) {
            if (tables.contains(reference.group(1))) {
                named.add(reference.group(1));
            }
        }
        return named;
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> path.toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
