package dev.oponn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictsTests {

    @Test
    void aBusyMachineIsNotMistakenForALimitOfOponn() {
        assertThat(Verdicts.diagnosis(2, 0.6, 1.95)).contains("not quiet");
    }

    @Test
    void coresSaturatedByTheRunPointAtCpuPerVote() {
        assertThat(Verdicts.diagnosis(2, 1.9, 1.95)).contains("CPU per vote is the limit");
    }

    @Test
    void idleCoresPointAtWaitingForCommits() {
        assertThat(Verdicts.diagnosis(2, 0.8, 0.9)).contains("group commit");
    }

    @Test
    void aBareServerBelowTheInsertBaselineShowsTheTargetIsOutOfReachHere() {
        Report report = new Report();
        report.put("votes_per_s", 5000.0);
        report.put("baseline_insert_per_s", 10000.0);
        report.put("baseline_http_insert_per_s", 6000.0);

        assertThat(Verdicts.ceiling(report))
                .contains("6000/s (0.60 of the insert baseline)", "cannot reach", "0.83 of that server");
    }

    @Test
    void aBareServerAboveTheInsertBaselineSaysTheTargetIsReachable() {
        Report report = new Report();
        report.put("votes_per_s", 5000.0);
        report.put("baseline_insert_per_s", 10000.0);
        report.put("baseline_http_insert_per_s", 12000.0);

        assertThat(Verdicts.ceiling(report)).contains("within reach");
    }

    @Test
    void targetsAreMetMissedOrNotMeasuredNeverGuessed() {
        Report report = new Report();
        report.put("votes_per_s", 5000.0);
        report.put("baseline_insert_per_s", 4000.0);
        report.put("vote_p99_ms_half_load", 80.0);

        Verdicts.addRatiosAndTargets(report);

        @SuppressWarnings("unchecked")
        Map<String, Object> targets = (Map<String, Object>) report.get("targets");
        assertThat(targets)
                .containsEntry("votes_per_s >= baseline_insert_per_s", true)
                .containsEntry("vote_p99_ms_half_load < 50", false)
                .containsEntry("fanout_p99_ms_10k_viewers < 1000", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> ratios = (Map<String, Object>) report.get("ratios");
        assertThat(ratios)
                .containsEntry("votes_to_baseline_insert", 1.25)
                .containsEntry("votes_to_baseline_http", null);
    }

    @Test
    void everyKeyTheIssueNamesIsInTheResultFileEvenWhenNotMeasured() {
        Map<String, Object> file = new Report().toMap();

        assertThat(file)
                .containsKeys(
                        "commit",
                        "votes_per_s",
                        "vote_p99_ms_half_load",
                        "baseline_insert_per_s",
                        "baseline_http_per_s",
                        "fanout_p99_ms_10k_viewers",
                        "heap_bytes_per_viewer",
                        "two_instance_votes_per_s",
                        "lost_votes",
                        "duplicate_votes",
                        "notes");
        assertThat(Json.write(file)).contains("\"fanout_p99_ms_10k_viewers\": null");
    }
}
