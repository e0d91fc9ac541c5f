package dev.oponn.results.tabulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One of RCTab's test cases as its files state it: the rules of {@code <case>_config.json}, the ballots of every
 * cast-vote-record source it names (NIST CDF JSON, or a generic CSV with one column per candidate holding the rank),
 * and the expected round-by-round report. Candidates are addressed by the name RCTab prints in its report.
 */
record RctabCase(String name, JsonNode rules, List<String> candidates, List<PaperBallot> ballots, JsonNode report) {

    /** RCTab's name for the undeclared write-in in its reports. */
    static final String UNDECLARED_WRITE_INS = "Undeclared Write-ins";

    static RctabCase load(Path rctab, String name) {
        ObjectMapper json = JsonMapper.builder().build();
        Path folder = rctab.resolve(name);
        JsonNode config = read(json, folder.resolve(name + "_config.json"));
        Map<String, String> canonical = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        for (JsonNode candidate : config.path("candidates")) {
            String shown = candidate.path("name").asString();
            candidates.add(shown);
            canonical.put(shown, shown);
            candidate.path("aliases").forEach(alias -> canonical.put(alias.asString(), shown));
        }
        List<PaperBallot> ballots = new ArrayList<>();
        for (JsonNode source : config.path("cvrFileSources")) {
            Map<String, String> names = new HashMap<>(canonical);
            String writeInLabel = source.path("undeclaredWriteInLabel").asString("");
            if (!writeInLabel.isBlank()) {
                names.put(writeInLabel, UNDECLARED_WRITE_INS);
            }
            names.put(UNDECLARED_WRITE_INS, UNDECLARED_WRITE_INS);
            Path file = cvrFile(folder, name, source);
            if (source.path("provider").asString().equals("genericCsv")) {
                ballots.addAll(readCsv(file, source, names));
            } else {
                ballots.addAll(readCdf(json, file, names));
            }
        }
        JsonNode report = read(json, folder.resolve(name + "_expected_detailed_report.json"));
        return new RctabCase(name, config.path("rules"), List.copyOf(candidates), List.copyOf(ballots), report);
    }

    /**
     * The file a source names; spreadsheet sources (ES&S {@code .xlsx}) are read from the NIST CDF copy RCTab wrote
     * of them, {@code <case>_expected_cdf_cvr.json}, as the conformance README says.
     */
    private static Path cvrFile(Path folder, String name, JsonNode source) {
        Path named = folder.resolve(source.path("filePath").asString()).normalize();
        if (Files.exists(named)) {
            return named;
        }
        Path converted = folder.resolve(name + "_expected_cdf_cvr.json");
        if (!Files.exists(converted)) {
            throw new IllegalStateException(name + ": neither " + named + " nor " + converted + " exists");
        }
        return converted;
    }

    private static List<PaperBallot> readCdf(ObjectMapper json, Path file, Map<String, String> names) {
        JsonNode report = read(json, file);
        Map<String, String> candidateNames = new HashMap<>();
        Map<String, String> selections = new HashMap<>();
        for (JsonNode election : report.path("Election")) {
            election.path("Candidate")
                    .forEach(c -> candidateNames.put(
                            c.path("@id").asString(), c.path("Name").asString()));
            for (JsonNode contest : election.path("Contest")) {
                for (JsonNode selection : contest.path("ContestSelection")) {
                    String candidateId = selection.path("CandidateIds").path(0).asString();
                    selections.put(selection.path("@id").asString(), candidateNames.get(candidateId));
                }
            }
        }
        List<PaperBallot> ballots = new ArrayList<>();
        for (JsonNode cvr : report.path("CVR")) {
            var ballot = new PaperBallot.Builder(cvr.path("BallotPrePrintedId").asString());
            for (JsonNode contest : originalSnapshot(cvr).path("CVRContest")) {
                for (JsonNode selection : contest.path("CVRContestSelection")) {
                    String candidate = known(
                            names,
                            selections.get(selection.path("ContestSelectionId").asString()));
                    for (JsonNode position : selection.path("SelectionPosition")) {
                        ballot.mark(position.path("Rank").asInt(), candidate);
                    }
                }
            }
            ballots.add(ballot.build());
        }
        return ballots;
    }

    /** The voter's marks: RCTab's converted files add one "interpreted" snapshot per round after the original. */
    private static JsonNode originalSnapshot(JsonNode cvr) {
        List<JsonNode> snapshots = new ArrayList<>();
        cvr.path("CVRSnapshot").forEach(snapshots::add);
        Optional<JsonNode> original = snapshots.stream()
                .filter(s -> s.path("Type").asString("").equals("original"))
                .findFirst();
        return original.orElseGet(() -> snapshots.stream()
                .filter(s -> s.path("@id")
                        .asString()
                        .equals(cvr.path("CurrentSnapshotId").asString()))
                .findFirst()
                .orElseThrow());
    }

    private static List<PaperBallot> readCsv(Path file, JsonNode source, Map<String, String> names) {
        List<String> lines = readLines(file);
        int firstColumn = Integer.parseInt(source.path("firstVoteColumnIndex").asString()) - 1;
        int firstRow = Integer.parseInt(source.path("firstVoteRowIndex").asString()) - 1;
        int idColumn = source.path("idColumnIndex").asString("").isBlank()
                ? -1
                : Integer.parseInt(source.path("idColumnIndex").asString()) - 1;
        String[] header = lines.getFirst().split(",", -1);
        List<PaperBallot> ballots = new ArrayList<>();
        for (int row = firstRow; row < lines.size(); row++) {
            if (lines.get(row).isBlank()) {
                continue;
            }
            String[] cells = lines.get(row).split(",", -1);
            var ballot = new PaperBallot.Builder(idColumn < 0 ? "row-" + row : cells[idColumn]);
            for (int column = firstColumn; column < header.length; column++) {
                String cell = column < cells.length ? cells[column].strip() : "";
                if (!cell.isEmpty()) {
                    ballot.mark(Integer.parseInt(cell), known(names, header[column].strip()));
                }
            }
            ballots.add(ballot.build());
        }
        return ballots;
    }

    private static String known(Map<String, String> names, String name) {
        String canonical = names.get(name);
        if (canonical == null) {
            throw new IllegalStateException("a ballot names '" + name + "', not a candidate of the case");
        }
        return canonical;
    }

    private static JsonNode read(ObjectMapper json, Path file) {
        return json.readTree(readString(file));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int intRule(String rule) {
        String value = rules.path(rule).asString("");
        return value.isBlank() || value.equalsIgnoreCase("unlimited") || value.equalsIgnoreCase("max")
                ? Integer.MAX_VALUE
                : Integer.parseInt(value);
    }

    boolean flagRule(String rule) {
        return rules.path(rule).asBoolean(false);
    }

    String textRule(String rule) {
        return rules.path(rule).asString("");
    }
}
