package dev.oponn.ballot;

import dev.oponn.account.SignedInUser;
import dev.oponn.ballot.internal.CreateBallotForm;
import dev.oponn.ballot.internal.OwnedBallot;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.Htmx;
import dev.oponn.web.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

@Controller
class BallotController {

    private static final Logger log = LoggerFactory.getLogger(BallotController.class);

    /** The dashboard lists at most this many; older ballots still work through their links. */
    static final int DASHBOARD_LIMIT = 100;

    private final BallotService ballots;
    private final BallotCatalog catalog;
    private final BallotOwnership ownership;
    private final ManageLinks manageLinks;
    private final BallotPage pages;
    private final Clock clock;

    BallotController(
            BallotService ballots,
            BallotCatalog catalog,
            BallotOwnership ownership,
            ManageLinks manageLinks,
            BallotPage pages,
            Clock clock) {
        this.ballots = ballots;
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
        Optional<BallotDraft> draft = form.validate(Instant.now(clock), errors);
        Optional<WhoMayVote> who = WhoMayVote.parse(whoMayVote.strip());
        if (who.isEmpty()) {
            errors.reject("who_may_vote", Text.of("ballot.who_may_vote_invalid"));
        }
        if (draft.isEmpty() || who.isEmpty()) {
            log.atInfo()
                    .setMessage("ballot.rejected")
                    .addKeyValue("fields", errors.asMap().keySet())
                    .log();
            return form(request, form, errors, whoMayVote);
        }
        CreatedBallot created = ballots.create(draft.get().withWhoMayVote(who.get()), user == null ? null : user.id());
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
