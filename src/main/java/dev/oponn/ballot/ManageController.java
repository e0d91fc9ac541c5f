package dev.oponn.ballot;

import dev.oponn.account.SignedInUser;
import dev.oponn.ballot.internal.ManageView;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A ballot's owner page: reached with a guest's manage link ({@code /manage/{id}/{key}}) or, signed in, from the
 * dashboard ({@code /manage/{id}}, which needs sign-in). Anyone else gets the same 404 as for a ballot that does
 * not exist, so the page does not even confirm that a ballot id is real.
 */
@Controller
class ManageController {

    private final BallotCatalog catalog;
    private final BallotOwnership ownership;
    private final Clock clock;
    private final VoteRefusals refusals;

    ManageController(BallotCatalog catalog, BallotOwnership ownership, Clock clock, VoteRefusals refusals) {
        this.catalog = catalog;
        this.ownership = ownership;
        this.clock = clock;
        this.refusals = refusals;
    }

    @GetMapping("/manage/{id}/{key}")
    ModelAndView byManageLink(@PathVariable String id, @PathVariable String key) {
        Ballot ballot = BallotId.parse(id)
                .filter(ballotId -> ManageKey.parse(key)
                        .map(k -> ownership.opens(ballotId, k))
                        .orElse(false))
                .flatMap(catalog::find)
                .orElseThrow(ManageController::notFound);
        return view(ballot, "holder of this manage link");
    }

    @GetMapping("/manage/{id}")
    ModelAndView asSignedInOwner(@PathVariable String id, @AuthenticationPrincipal @Nullable SignedInUser user) {
        if (user == null) {
            throw notFound();
        }
        Ballot ballot = BallotId.parse(id)
                .filter(ballotId -> ownership.ownedBy(ballotId, user.id()))
                .flatMap(catalog::find)
                .orElseThrow(ManageController::notFound);
        return view(ballot, "you (" + user.name() + ")");
    }

    private ModelAndView view(Ballot ballot, String owner) {
        return new ModelAndView(
                "ballot/manage",
                Map.of("manage", ManageView.of(ballot, clock.instant(), owner, refusals.of(ballot.id()))));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
