package dev.oponn.ballot;

import dev.oponn.web.FieldErrors;
import dev.oponn.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

@Controller
class BallotController {

    private static final Logger log = LoggerFactory.getLogger(BallotController.class);

    private final BallotService ballots;
    private final Clock clock;

    BallotController(BallotService ballots, Clock clock) {
        this.ballots = ballots;
        this.clock = clock;
    }

    /** Guests see a welcome box; nobody is ever shown other people's ballots. Signed-in lists come with sign-in. */
    @GetMapping("/")
    String dashboard() {
        return "ballot/dashboard";
    }

    @GetMapping("/create")
    ModelAndView createForm(HttpServletRequest request) {
        return form(request, CreateBallotForm.blank(), FieldErrors.none());
    }

    @PostMapping("/create")
    ModelAndView create(HttpServletRequest request, CreateBallotForm form) {
        FieldErrors errors = FieldErrors.none();
        Optional<BallotDraft> draft = form.validate(Instant.now(clock), errors);
        if (draft.isEmpty()) {
            log.atInfo()
                    .setMessage("ballot.rejected")
                    .addKeyValue("fields", errors.asMap().keySet())
                    .log();
            return form(request, form, errors);
        }
        Ballot ballot = ballots.create(draft.get());
        return Htmx.redirect(request, "/vote/" + ballot.id());
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

    private static ModelAndView form(HttpServletRequest request, CreateBallotForm form, FieldErrors errors) {
        return Htmx.view(request, "ballot/create", "ballot/create_form", Map.of("form", form, "errors", errors));
    }
}
