package dev.oponn.ballot;

import dev.oponn.account.SignedInUser;
import dev.oponn.ballot.internal.ManageSharing;
import dev.oponn.ballot.internal.ManageView;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.Htmx;
import dev.oponn.web.Languages;
import dev.oponn.web.PublicUrls;
import dev.oponn.web.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
 * not exist, so the page does not even confirm that a ballot id is real.
 *
 * <p>The owner controls are POSTs to the page's address plus the control's name ({@code .../close}). A control
 * refused (the ballot's state, a bad value) answers 409 or 400 with the page again and the reason, and changes
 * nothing; one done sends the owner back to the page (303, or {@code HX-Redirect}).
 */
@Controller
class ManageController {

    private final BallotCatalog catalog;
    private final BallotOwnership ownership;
    private final BallotService ballots;
    private final DeletedNotice deletedNotice;
    private final Clock clock;
    private final VoteRefusals refusals;
    private final OwnerControls controls;
    private final OwnerResults results;
    private final BallotPage pages;
    private final PublicUrls urls;
    private final Languages languages;

    ManageController(
            BallotCatalog catalog,
            BallotOwnership ownership,
            BallotService ballots,
            DeletedNotice deletedNotice,
            Clock clock,
            VoteRefusals refusals,
            OwnerControls controls,
            OwnerResults results,
            BallotPage pages,
            PublicUrls urls,
            Languages languages) {
        this.languages = languages;
        this.catalog = catalog;
        this.ownership = ownership;
        this.ballots = ballots;
        this.deletedNotice = deletedNotice;
        this.clock = clock;
        this.refusals = refusals;
        this.controls = controls;
        this.results = results;
        this.pages = pages;
        this.urls = urls;
    }

    /** Who is managing and where the page's forms post to. */
    private record Owner(Ballot ballot, Text words, String path) {}

    @GetMapping("/manage/{id}/{key}")
    ModelAndView byManageLink(@PathVariable String id, @PathVariable String key, HttpServletRequest request) {
        return view(guest(id, key), FieldErrors.none(), null, request);
    }

    @GetMapping("/manage/{id}")
    ModelAndView asSignedInOwner(
            @PathVariable String id, @AuthenticationPrincipal @Nullable SignedInUser user, HttpServletRequest request) {
        return view(signedIn(id, user), FieldErrors.none(), null, request);
    }

    @PostMapping("/manage/{id}/{control:close|reopen|extend|start|voters|visibility|cap|challenge|delete}")
    ModelAndView controlAsSignedInOwner(
            @PathVariable String id,
            @PathVariable String control,
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal @Nullable SignedInUser user,
            HttpServletRequest request,
            HttpServletResponse response) {
        return control(signedIn(id, user), control, form, request, response);
    }

    @PostMapping("/manage/{id}/{key}/{control:close|reopen|extend|start|voters|visibility|cap|challenge|delete}")
    ModelAndView controlByManageLink(
            @PathVariable String id,
            @PathVariable String key,
            @PathVariable String control,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response) {
        return control(guest(id, key), control, form, request, response);
    }

    private ModelAndView control(
            Owner owner,
            String control,
            Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response) {
        BallotId id = owner.ballot().id();
        FieldErrors errors = FieldErrors.none();
        Optional<Text> refused;
        if (control.equals("delete")) {
            refused = Optional.empty();
            if (!"delete".equals(form.getOrDefault("confirm", "").strip())) {
                errors.reject("confirm", Text.of("manage.confirm_delete"));
            } else {
                ballots.delete(id);
                deletedNotice.handOver(response);
            }
        } else {
            refused = controls.apply(
                    owner.ballot(),
                    OwnerControls.Control.parse(control).orElseThrow(ManageController::notFound),
                    form,
                    errors);
        }
        if (errors.any()) {
            return refusedView(owner, errors, form, HttpStatus.BAD_REQUEST, request, response);
        }
        if (refused.isPresent()) {
            return refusedView(
                    owner, errors.reject("control", refused.get()), form, HttpStatus.CONFLICT, request, response);
        }
        return Htmx.redirect(request, control.equals("delete") ? "/" : owner.path());
    }

    private ModelAndView refusedView(
            Owner owner,
            FieldErrors errors,
            Map<String, String> form,
            HttpStatus status,
            HttpServletRequest request,
            HttpServletResponse response) {
        // The ballot as it is now: the refusal may be because it changed since the page was loaded.
        Ballot current = catalog.find(owner.ballot().id()).orElseThrow(ManageController::notFound);
        // A refused cap is shown as typed, as the create form shows it.
        String typedCap = errors.has(VoteDefences.CAP_FIELD) ? form.getOrDefault(VoteDefences.CAP_FIELD, "") : null;
        ModelAndView page = view(new Owner(current, owner.words(), owner.path()), errors, typedCap, request);
        page.setStatus(status);
        if (Htmx.isHtmx(request)) {
            // The controls are plain forms; should one be sent by HTMX, it swaps the whole page in (see oponn.js).
            response.setHeader("HX-Reswap", "outerHTML");
            response.setHeader("HX-Retarget", "body");
        }
        return page;
    }

    private Owner guest(String id, String key) {
        return BallotId.parse(id)
                .filter(ballotId -> ManageKey.parse(key)
                        .map(k -> ownership.opens(ballotId, k))
                        .orElse(false))
                .flatMap(catalog::find)
                .map(found(b -> Text.of("manage.owner.link"), b -> "/manage/" + b.id().value() + "/" + key))
                .orElseThrow(ManageController::notFound);
    }

    private Owner signedIn(String id, @Nullable SignedInUser user) {
        if (user == null) {
            throw notFound();
        }
        return BallotId.parse(id)
                .filter(ballotId -> ownership.ownedBy(ballotId, user.id()))
                .flatMap(catalog::find)
                .map(found(b -> Text.of("manage.owner.you", user.name()), b -> "/manage/" + b.id().value()))
                .orElseThrow(ManageController::notFound);
    }

    private static Function<Ballot, Owner> found(Function<Ballot, Text> words, Function<Ballot, String> path) {
        return b -> new Owner(b, words.apply(b), path.apply(b));
    }

    private ModelAndView view(Owner owner, FieldErrors errors, @Nullable String typedCap, HttpServletRequest request) {
        Ballot ballot = owner.ballot();
        Map<String, Object> model = new HashMap<>();
        model.put(
                "manage",
                ManageView.of(
                        ballot,
                        clock.instant(),
                        owner.words(),
                        refusals.of(ballot.id()),
                        owner.path(),
                        errors,
                        typedCap));
        model.put(
                "sharing",
                new ManageSharing(
                        ballot.id().value(),
                        owner.path(),
                        urls.absolute(pages.pathOf(ballot.id()), request),
                        ballot.resultsVisibility(),
                        results.panel(ballot, owner.path() + "/live-results", languages.localizer(request)),
                        errors.get("results_visibility")));
        return new ModelAndView("ballot/manage", model);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
