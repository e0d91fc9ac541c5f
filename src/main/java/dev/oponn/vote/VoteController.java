package dev.oponn.vote;

import dev.oponn.account.ReturnAfterSignIn;
import dev.oponn.account.SignedInUser;
import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.BallotOwners;
import dev.oponn.ballot.VotingMethod;
import dev.oponn.ballot.WhoMayVote;
import dev.oponn.ratelimit.NewDevices;
import dev.oponn.vote.internal.MarkedForm;
import dev.oponn.vote.internal.VoteChallenge;
import dev.oponn.vote.internal.VoteChoice;
import dev.oponn.vote.internal.VoteForm;
import dev.oponn.vote.internal.VoteView;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.Htmx;
import dev.oponn.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

@Controller
class VoteController {

    private final BallotCatalog catalog;
    private final VoteService votes;
    private final DeviceTokens devices;
    private final Clock clock;
    private final VoteMetrics metrics;
    private final VoteChallenges challenges;
    private final AddressKeys addresses;
    private final ReturnAfterSignIn returnTo;
    private final BallotOwners owners;
    private final PublicUrls urls;
    private final NewDevices newDevices;

    VoteController(
            BallotCatalog catalog,
            VoteService votes,
            DeviceTokens devices,
            Clock clock,
            VoteMetrics metrics,
            VoteChallenges challenges,
            AddressKeys addresses,
            ReturnAfterSignIn returnTo,
            BallotOwners owners,
            PublicUrls urls,
            NewDevices newDevices) {
        this.catalog = catalog;
        this.votes = votes;
        this.devices = devices;
        this.clock = clock;
        this.metrics = metrics;
        this.challenges = challenges;
        this.addresses = addresses;
        this.returnTo = returnTo;
        this.owners = owners;
        this.urls = urls;
        this.newDevices = newDevices;
    }

    /**
     * Issues the device cookie on first sight. This page is the only place a device is issued: a vote that arrives
     * without one counts nothing, so a script must load the page for every device it wants to vote as.
     */
    @GetMapping("/vote/{id}")
    ModelAndView votePage(
            @PathVariable String id,
            @AuthenticationPrincipal @Nullable SignedInUser user,
            HttpServletRequest request,
            HttpServletResponse response) {
        Ballot ballot = ballot(id);
        if (ballot.whoMayVote() == WhoMayVote.SIGNED_IN) {
            if (user == null) {
                return toSignIn(request, response, ballot);
            }
            return view(
                    request,
                    ballot,
                    votes.hasVoted(ballot, devices.voterKey(ballot.id(), user.id())),
                    VoteForm.blank(),
                    FieldErrors.none());
        }
        Optional<DeviceId> held = devices.current(request);
        if (held.isEmpty()) {
            chargeNewDevice(request, response);
        }
        DeviceId device = held.orElseGet(() -> devices.issue(response));
        return view(request, ballot, votes.hasVoted(ballot, device), VoteForm.blank(), FieldErrors.none());
    }

    /** A device costs its address one request of the vote limit (see {@link NewDevices}); over it, 429. */
    private void chargeNewDevice(HttpServletRequest request, HttpServletResponse response) {
        Optional<Duration> wait = newDevices.charge(request);
        if (wait.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(NewDevices.retryAfterSeconds(wait.get())));
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS);
        }
    }

    @PostMapping("/vote/{id}")
    ModelAndView vote(
            @PathVariable String id,
            @RequestParam(name = "option_id", required = false) @Nullable String optionId,
            @RequestParam(name = "write_in_value", required = false) @Nullable String writeInValue,
            @RequestParam(name = "challenge", required = false) @Nullable String challenge,
            @RequestParam(name = "solution", required = false) @Nullable String solution,
            @AuthenticationPrincipal @Nullable SignedInUser user,
            HttpServletRequest request,
            HttpServletResponse response) {
        // Plain parameters rather than binding the record: record binding re-reads constructor annotations on
        // every request, a cost the benchmark saw on the hottest route.
        Ballot cached = ballot(id);
        VoteForm form = cached.votingMethod() == VotingMethod.SINGLE
                ? new VoteForm(optionId, writeInValue)
                : MarkedForm.fromRequest(request.getParameterMap(), cached.votingMethod());
        Ballot ballot =
                form.namesUnknownOption(cached) ? catalog.refresh(cached.id()).orElse(cached) : cached;
        FieldErrors errors = FieldErrors.none();
        byte[] voter;
        if (ballot.whoMayVote() == WhoMayVote.SIGNED_IN) {
            // One vote per account: the device cookie plays no part, the account is the voter.
            if (user == null) {
                return toSignIn(request, response, ballot);
            }
            voter = devices.voterKey(ballot.id(), user.id());
        } else {
            Optional<DeviceId> device = devices.current(request);
            if (device.isEmpty()) {
                return withoutDevice(request, response, ballot, form, errors);
            }
            voter = devices.voterKey(ballot.id(), device.get());
        }
        Optional<VoteChoice> choice = form.validate(ballot, errors);
        if (choice.isEmpty()) {
            metrics.invalid();
            return view(request, ballot, false, form, errors);
        }
        Optional<VoteRejection> refused = ballot.defences().challenge()
                ? challenges.redeem(ballot.id(), challenge, solution).flatMap(r -> votes.refuse(ballot, r))
                : Optional.empty();
        if (refused.isEmpty()) {
            refused = votes.cast(ballot, voter, choice.get(), addresses.of(ballot, request));
        }
        if (refused.isPresent()) {
            boolean already = refused.get() == VoteRejection.ALREADY_VOTED;
            return view(request, ballot, already, form, errors.reject("vote", votes.message(refused.get())));
        }
        markVoted(response, ballot.id());
        return Htmx.redirect(request, "/results/" + ballot.id());
    }

    /**
     * A vote from no known device counts nothing (the vote page issues devices, never the vote itself): 400 and the
     * form again with a link to the vote page. HTMX is told to swap it in although it is an error.
     */
    private ModelAndView withoutDevice(
            HttpServletRequest request,
            HttpServletResponse response,
            Ballot ballot,
            VoteForm form,
            FieldErrors errors) {
        votes.refuse(ballot, VoteRejection.NO_DEVICE);
        response.setHeader("HX-Reswap", "outerHTML");
        ModelAndView page =
                view(request, ballot, false, form, errors.reject("device", votes.message(VoteRejection.NO_DEVICE)));
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }

    /** A ballot only signed-in accounts may vote on, opened by a guest: sign in, then back to the ballot. */
    private ModelAndView toSignIn(HttpServletRequest request, HttpServletResponse response, Ballot ballot) {
        returnTo.remember(response, "/vote/" + ballot.id().value());
        return Htmx.redirect(request, "/login");
    }

    private Ballot ballot(String id) {
        return BallotId.parse(id)
                .flatMap(catalog::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private ModelAndView view(
            HttpServletRequest request, Ballot ballot, boolean alreadyVoted, VoteForm form, FieldErrors errors) {
        VoteChallenge challenge = ballot.defences().challenge() && !alreadyVoted ? challenges.issue(ballot.id()) : null;
        VoteView view = VoteView.of(ballot, clock.instant(), alreadyVoted, form, errors, challenge);
        Map<String, Object> model = new HashMap<>();
        model.put("vote", view);
        if (!Htmx.isHtmx(request)
                && (owners.ownedBy(ballot.id(), signedIn()) || owners.justCreatedBy(ballot.id(), request))) {
            // The owner's own vote page also offers the link to share (a guest's: the first view, beside the manage
            // link); a voter never sees this block.
            model.put("shareLink", urls.absolute("/vote/" + ballot.id().value(), request));
        }
        return Htmx.view(request, "vote/vote", "vote/vote_form", model);
    }

    private static @Nullable SignedInUser signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user : null;
    }

    /**
     * The first version's per-ballot cookie, kept so that scripts which look for it keep working. It is a hint for
     * the browser only: the database decides whether a device has voted.
     */
    private void markVoted(HttpServletResponse response, BallotId ballot) {
        ResponseCookie cookie = ResponseCookie.from("voted_" + ballot.value(), "1")
                .httpOnly(true)
                .sameSite("Lax")
                .path("/")
                .maxAge(Duration.ofDays(400))
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
