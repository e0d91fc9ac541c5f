package dev.oponn.ballot;

import java.util.Arrays;
import java.util.Optional;

/**
 * An owner changed a ballot's definition (its window, who may vote, who sees the counts, its defences against vote
 * stuffing), committed: every cached copy must go and
 * every viewer must see the ballot as it now is. Carries only the id and the kind of change, never text or counts,
 * because live relays it to the other instances as it is.
 */
public record BallotChanged(BallotId ballotId, Kind kind) {

    public enum Kind {
        CLOSED,
        REOPENED,
        EXTENDED,
        STARTED,
        VOTERS,
        VISIBILITY,
        /** The per-address cap set, changed or turned off. */
        CAP,
        /** The proof-of-work challenge turned on or off. */
        CHALLENGE;

        /** The word the relay carries and the log event's verb. */
        public String verb() {
            return switch (this) {
                case CLOSED -> "closed";
                case REOPENED -> "reopened";
                case EXTENDED -> "extended";
                case STARTED -> "started";
                case VOTERS -> "voters_changed";
                case VISIBILITY -> "visibility_changed";
                case CAP -> "cap_changed";
                case CHALLENGE -> "challenge_changed";
            };
        }

        /** The kind a relayed word names. */
        public static Optional<Kind> ofVerb(String verb) {
            return Arrays.stream(values())
                    .filter(kind -> kind.verb().equals(verb))
                    .findFirst();
        }
    }
}
