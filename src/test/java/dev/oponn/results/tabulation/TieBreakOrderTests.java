package dev.oponn.results.tabulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TieBreakOrderTests {

    static final List<Integer> OPTIONS = List.of(0, 1, 2, 3, 4, 5, 6, 7);

    @Test
    void sortsOptionsBySha256OfBallotIdAndOptionId() throws Exception {
        var digest = MessageDigest.getInstance("SHA-256");
        var expected = OPTIONS.stream()
                .sorted(Comparator.comparing((Integer option) ->
                        HexFormat.of().formatHex(digest.digest(("b-42:" + option).getBytes(StandardCharsets.UTF_8)))))
                .toList();

        assertThat(TieBreakOrder.fromBallotId("b-42", OPTIONS).order()).isEqualTo(expected);
    }

    @Test
    void isTheSameForTheSameBallotAndDiffersBetweenBallots() {
        assertThat(TieBreakOrder.fromBallotId("b-1", OPTIONS)).isEqualTo(TieBreakOrder.fromBallotId("b-1", OPTIONS));
        assertThat(TieBreakOrder.fromBallotId("b-1", OPTIONS)).isNotEqualTo(TieBreakOrder.fromBallotId("b-2", OPTIONS));
    }

    @Test
    void theFirstOfTheTiedIsTheEarliestInTheOrder() {
        var order = new TieBreakOrder(List.of(3, 1, 2));

        assertThat(order.first(List.of(2, 1))).isEqualTo(1);
        assertThat(order.first(List.of(9, 2))).isEqualTo(2);
    }
}
