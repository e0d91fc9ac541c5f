package dev.oponn.ballot;

import dev.oponn.account.SignedInUser;
import dev.oponn.ballot.internal.CreateBallotForm;
import dev.oponn.ballot.internal.OwnedBallot;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

@Controller
class BallotController {

    /** The dashboard lists at most this many; older ballots still work through their links. */
    static final int DASHBOARD_LIMIT = 100;

    private final BallotCreation creation;
    private final BallotCatalog catalog;
    private final BallotOwnership ownership;
    private final ManageLinks manageLinks;
    private final BallotPage pages;
    private final Clock clock;

    BallotController(
            BallotCreation creation,
            BallotCatalog catalog,
            BallotOwnership ownership,
            ManageLinks manageLinks,
            BallotPage pages,
            Clock clock) {
        this.creation = creation;
        this.catalog = catalog;
        this.ownership = ownership;
        this.manageLinks = manageLinks;
        this.pages = pages;
        this.clock = clock;
    }

    /**
     * Guests see a welcome box; a signed-in person sees their own ballots, newest first. Nobody is ever shown other
     * people's ballots.
     */
    @GetMapping("/")
    ModelAndView dashboard(@AuthenticationPrincipal @Nullable SignedInUser user) {
        if (user == null) {
            return new ModelAndView("ballot/dashboard");
        }
        Instant now = clock.instant();
        List<OwnedBallot> mine = ownership.newestOwnedBy(user.id(), DASHBOARD_LIMIT).stream()
                .map(catalog::find)
                .flatMap(Optional::stream)
                .map(ballot -> OwnedBallot.of(ballot, now))
                .toList();
        return new ModelAndView("ballot/my_ballots", Map.of("ballots", mine));
    }

    @GetMapping("/create")
    ModelAndView createForm(HttpServletRequest request) {
        return form(request, CreateBallotForm.blank(), FieldErrors.none(), WhoMayVote.ANYONE.value());
    }

    @PostMapping("/create")
    ModelAndView create(
            HttpServletRequest request,
            HttpServletResponse response,
            CreateBallotForm form,
            @RequestParam(name = "who_may_vote", defaultValue = "anyone") String whoMayVote,
            @AuthenticationPrincipal @Nullable SignedInUser user) {
        FieldErrors errors = FieldErrors.none();
        Optional<CreatedBallot> made = creation.create(form, whoMayVote, user == null ? null : user.id(), errors);
        if (made.isEmpty()) {
            return form(request, form, errors, whoMayVote);
        }
        CreatedBallot created = made.get();
        BallotId id = created.ballot().id();
        if (created.manageKey() != null) {
            manageLinks.handOver(response, id, created.manageKey());
        }
        return Htmx.redirect(request, pages.pathOf(id));
    }

    /** The scheduled start input; an empty body for {@code now}, so HTMX clears the slot. */
    @GetMapping("/partials/start-time-input")
    ModelAndView startTimeInput(
            @RequestParam(name = "start_time_type", defaultValue = "now") String type,
            @RequestParam(name = "scheduled_start_time", required = false) @Nullable String value) {
        if (!"scheduled".equals(type)) {
            return new ModelAndView("ballot/empty");
        }
        return new ModelAndView(
                "ballot/start_time_input", Map.of("value", value == null ? "" : value, "errors", FieldErrors.none()));
    }

    private static ModelAndView form(
            HttpServletRequest request, CreateBallotForm form, FieldErrors errors, String whoMayVote) {
        return Htmx.view(
                request,
                "ballot/create",
                "ballot/create_form",
                Map.of("form", form, "errors", errors, "whoMayVote", whoMayVote));
    }
}
