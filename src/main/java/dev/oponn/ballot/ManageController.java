package dev.oponn.ballot;

import dev.oponn.account.SignedInUser;
import dev.oponn.ballot.internal.ManageSharing;
import dev.oponn.ballot.internal.ManageView;
import dev.oponn.web.Htmx;
import dev.oponn.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A ballot's owner page: reached with a guest's manage link ({@code /manage/{id}/{key}}) or, signed in, from the
 * dashboard ({@code /manage/{id}}, which needs sign-in). Anyone else gets the same 404 as for a ballot that does
 * not exist, so the page does not even confirm that a ballot id is real. Its controls post to the page's own path
 * plus the control's name ({@code .../visibility}), then redirect back to it.
 */
@Controller
class ManageController {

    private static final String GUEST = "holder of this manage link";

    private final BallotCatalog catalog;
    private final BallotOwnership ownership;
    private final Clock clock;
    private final VoteRefusals refusals;
    private final BallotVisibility visibility;
    private final OwnerResults results;
    private final BallotPage pages;
    private final PublicUrls urls;

    ManageController(
            BallotCatalog catalog,
            BallotOwnership ownership,
            Clock clock,
            VoteRefusals refusals,
            BallotVisibility visibility,
            OwnerResults results,
            BallotPage pages,
            PublicUrls urls) {
        this.catalog = catalog;
        this.ownership = ownership;
        this.clock = clock;
        this.refusals = refusals;
        this.visibility = visibility;
        this.results = results;
        this.pages = pages;
        this.urls = urls;
    }

    @GetMapping("/manage/{id}/{key}")
    ModelAndView byManageLink(@PathVariable String id, @PathVariable String key, HttpServletRequest request) {
        Ballot ballot = byKey(id, key);
        return view(ballot, GUEST, "/manage/" + id + "/" + key, request, null);
    }

    @GetMapping("/manage/{id}")
    ModelAndView asSignedInOwner(
            @PathVariable String id, @AuthenticationPrincipal @Nullable SignedInUser user, HttpServletRequest request) {
        Ballot ballot = bySignedIn(id, user);
        return view(ballot, signedIn(user), "/manage/" + id, request, null);
    }

    @PostMapping("/manage/{id}/{key}/visibility")
    ModelAndView visibilityByManageLink(
            @PathVariable String id,
            @PathVariable String key,
            @RequestParam(name = "results_visibility", required = false) @Nullable String value,
            HttpServletRequest request) {
        Ballot ballot = byKey(id, key);
        return changeVisibility(ballot, value, GUEST, "/manage/" + id + "/" + key, request);
    }

    @PostMapping("/manage/{id}/visibility")
    ModelAndView visibilityAsSignedInOwner(
            @PathVariable String id,
            @RequestParam(name = "results_visibility", required = false) @Nullable String value,
            @AuthenticationPrincipal @Nullable SignedInUser user,
            HttpServletRequest request) {
        Ballot ballot = bySignedIn(id, user);
        return changeVisibility(ballot, value, signedIn(user), "/manage/" + id, request);
    }

    /** A value that is not one of the choices changes nothing and says why, on the manage page, with a 400. */
    private ModelAndView changeVisibility(
            Ballot ballot, @Nullable String value, String owner, String controlPath, HttpServletRequest request) {
        Optional<ResultsVisibility> chosen = ResultsVisibility.parse(value == null ? "" : value.strip());
        if (chosen.isEmpty()) {
            ModelAndView refused = view(
                    ballot,
                    owner,
                    controlPath,
                    request,
                    "results_visibility must be one of live, after_vote or after_close; nothing was changed.");
            refused.setStatus(HttpStatus.BAD_REQUEST);
            return refused;
        }
        if (chosen.get() != ballot.resultsVisibility()) {
            visibility.change(ballot, chosen.get());
        }
        return Htmx.redirect(request, controlPath);
    }

    private Ballot byKey(String id, String key) {
        return BallotId.parse(id)
                .filter(ballotId -> ManageKey.parse(key)
                        .map(k -> ownership.opens(ballotId, k))
                        .orElse(false))
                .flatMap(catalog::find)
                .orElseThrow(ManageController::notFound);
    }

    private Ballot bySignedIn(String id, @Nullable SignedInUser user) {
        if (user == null) {
            throw notFound();
        }
        return BallotId.parse(id)
                .filter(ballotId -> ownership.ownedBy(ballotId, user.id()))
                .flatMap(catalog::find)
                .orElseThrow(ManageController::notFound);
    }

    private static String signedIn(@Nullable SignedInUser user) {
        return user == null ? GUEST : "you (" + user.name() + ")";
    }

    private ModelAndView view(
            Ballot ballot, String owner, String controlPath, HttpServletRequest request, @Nullable String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("manage", ManageView.of(ballot, clock.instant(), owner, refusals.of(ballot.id())));
        model.put(
                "sharing",
                new ManageSharing(
                        ballot.id().value(),
                        controlPath,
                        urls.absolute(pages.pathOf(ballot.id()), request),
                        ballot.resultsVisibility(),
                        results.panel(ballot, controlPath + "/live-results"),
                        error));
        return new ModelAndView("ballot/manage", model);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
