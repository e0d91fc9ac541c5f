package dev.oponn.ballot;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A ballot as a program asks for it (the public API): the create form's fields with their JSON types. It is
 * validated by exactly the form's rules ({@link BallotCreation}), so a page and a program get the same ballots and the
 * same messages.
 *
 * @param startsAt an RFC 3339 date-time, or absent to start now
 * @param durationMins minutes from the start, 0 for no end; absent means the form's default (60)
 * @param perAddressCap most votes one network may cast; absent for no cap
 * @param votingMethod {@code single} (also when absent), {@code multiple}, {@code approval}, {@code ranked},
 *     {@code score}
 * @param maxChoices for {@code multiple}: most options one voter may pick
 */
public record NewBallotRequest(
        @Nullable String measure,
        @Nullable List<String> options,
        boolean allowWriteIn,
        @Nullable String startsAt,
        @Nullable Long durationMins,
        @Nullable Integer perAddressCap,
        boolean voteChallenge,
        @Nullable String resultsVisibility,
        @Nullable String whoMayVote,
        @Nullable String votingMethod,
        @Nullable Integer maxChoices) {}
