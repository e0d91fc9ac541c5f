package dev.oponn.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the voting-methods part's votes mark, as the vote forms post it, and how the database's counts are read back
 * into the ledger's terms. A multiple-choice vote picks two neighbouring options and is booked under both; a ranked
 * vote ranks a rotation of the options from a start for a length (every rank_{id} field posted, blank for the
 * unranked, as a browser's form sends them) and is booked under the key {@code start * 100 + length}, so the
 * stored ranking must read back to exactly that key.
 */
final class MethodMarks {

    private MethodMarks() {}

    static DevicePool.Marks single(VoteBallot ballot, long device, long slot) {
        int option = ballot.options().get(at(ballot, device + slot));
        return new DevicePool.Marks(List.of("option_id", Integer.toString(option)), List.of(option));
    }

    static DevicePool.Marks multiple(VoteBallot ballot, long device, long slot) {
        List<Integer> options = ballot.options();
        int a = options.get(at(ballot, device + slot));
        int b = options.get(at(ballot, device + slot + 1));
        return new DevicePool.Marks(
                List.of("option_id", Integer.toString(a), "option_id", Integer.toString(b)), List.of(a, b));
    }

    static DevicePool.Marks ranked(VoteBallot ballot, long device, long slot) {
        List<Integer> options = ballot.options();
        int n = options.size();
        int start = at(ballot, device + slot);
        int length = 1 + (int) (slot % n);
        Map<Integer, Integer> rankOf = new HashMap<>();
        for (int r = 0; r < length; r++) {
            rankOf.put(options.get((start + r) % n), r + 1);
        }
        List<String> fields = new ArrayList<>();
        for (int option : options) {
            fields.add("rank_" + option);
            Integer rank = rankOf.get(option);
            fields.add(rank == null ? "" : Integer.toString(rank));
        }
        return new DevicePool.Marks(fields, List.of(start * 100 + length));
    }

    /**
     * The ledger key of a stored ranking ({@code 3,4,1}: option ids best first), or -1 for a ranking no vote of
     * this part sends, which the correctness check then reports as counted but never acknowledged.
     */
    static int rankingKey(String content, List<Integer> options) {
        String[] ids = content.split(",");
        int n = options.size();
        int start = options.indexOf(Integer.parseInt(ids[0]));
        if (start < 0 || ids.length > n) {
            return -1;
        }
        for (int r = 0; r < ids.length; r++) {
            if (Integer.parseInt(ids[r]) != options.get((start + r) % n)) {
                return -1;
            }
        }
        return start * 100 + ids.length;
    }

    /** A ranked ballot's stored contents as the ledger counts them: per ranking key. */
    static Map<Integer, Long> rankedTally(Map<String, Long> contents, List<Integer> options) {
        Map<Integer, Long> tally = new HashMap<>();
        contents.forEach((content, votes) -> tally.merge(rankingKey(content, options), votes, Long::sum));
        return tally;
    }

    private static int at(VoteBallot ballot, long index) {
        return (int) Math.floorMod(index, (long) ballot.options().size());
    }
}
