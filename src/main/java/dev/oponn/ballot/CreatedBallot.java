package dev.oponn.ballot;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A new ballot and, for a guest's ballot, the manage key that the creator sees once. */
public record CreatedBallot(Ballot ballot, @Nullable ManageKey manageKey) {

    /** The guest's manage key as its link carries it; absent for a ballot owned by an account. */
    public Optional<String> manageToken() {
        return Optional.ofNullable(manageKey).map(ManageKey::value);
    }

    /** Where the owner manages the ballot: the guest's manage link, or the signed-in owner's page. */
    public String managePath() {
        String base = "/manage/" + ballot.id().value();
        return manageKey == null ? base : base + "/" + manageKey.value();
    }
}
