package dev.oponn.results.tabulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Multiple choice (approval): votes per option, and the share of voters who picked it (not of all votes). */
public final class Approval {

    private Approval() {}

    public record ApprovalResult(long voters, List<OptionVotes> options) {

        public ApprovalResult {
            options = List.copyOf(options);
        }
    }

    /** {@code shareOfVoters} is 0 when nobody voted. */
    public record OptionVotes(int option, long votes, double shareOfVoters) {}

    public static ApprovalResult tabulate(List<Integer> options, Map<Set<Integer>, Long> ballots) {
        long voters = 0;
        long[] votes = new long[options.size()];
        for (var ballot : ballots.entrySet()) {
            long count = ballot.getValue();
            if (count < 0) {
                throw new IllegalArgumentException("a ballot count cannot be negative: " + count);
            }
            voters += count;
            for (Integer picked : ballot.getKey()) {
                int o = options.indexOf(picked);
                if (o < 0) {
                    throw new IllegalArgumentException("a ballot picks option " + picked + ", not on the ballot");
                }
                votes[o] += count;
            }
        }
        List<OptionVotes> result = new ArrayList<>();
        for (int o = 0; o < votes.length; o++) {
            result.add(new OptionVotes(options.get(o), votes[o], voters == 0 ? 0 : (double) votes[o] / voters));
        }
        return new ApprovalResult(voters, result);
    }
}
