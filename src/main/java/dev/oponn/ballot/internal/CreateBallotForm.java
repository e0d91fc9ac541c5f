package dev.oponn.ballot.internal;

import dev.oponn.ballot.BallotDraft;
import dev.oponn.ballot.OptionLabels;
import dev.oponn.ballot.ResultsVisibility;
import dev.oponn.ballot.VoteDefences;
import dev.oponn.ballot.VotingMethod;
import dev.oponn.ballot.WhoMayVote;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.HiddenCharacters;
import dev.oponn.web.Text;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The create form exactly as typed. Every field stays a string so that an invalid form comes back with what the
 * person entered, not with what a parser made of it.
 *
 * @param tzOffsetMins the browser's {@code getTimezoneOffset()}, so a {@code datetime-local} value means the
 *     person's local time; absent, such a value is read as UTC
 * @param perAddressCap most votes one client network may cast; blank for no cap
 * @param voteChallenge a checkbox: votes need the vote page's proof of work
 * @param resultsVisibility {@code live} (also when absent), {@code after_vote} or {@code after_close}
 * @param votingMethod {@code single} (also when absent), {@code multiple}, {@code approval}, {@code ranked} or
 *     {@code score}
 * @param maxChoices for {@code multiple}: most options one voter may pick, 2 to the number of options
 */
public record CreateBallotForm(
        @Nullable String measure,
        @BindParam("options_raw") @Nullable String optionsRaw,
        @BindParam("allow_write_in") @Nullable String allowWriteIn,
        @BindParam("start_time_type") @Nullable String startTimeType,
        @BindParam("scheduled_start_time") @Nullable String scheduledStartTime,
        @BindParam("duration_mins") @Nullable String durationMins,
        @BindParam("tz_offset_mins") @Nullable String tzOffsetMins,
        @BindParam("per_address_cap") @Nullable String perAddressCap,
        @BindParam("vote_challenge") @Nullable String voteChallenge,
        @BindParam("results_visibility") @Nullable String resultsVisibility,
        @BindParam("voting_method") @Nullable String votingMethod,
        @BindParam("max_choices") @Nullable String maxChoices) {

    static final int MEASURE_MIN = 3;
    static final int MEASURE_MAX = 255;
    static final int OPTION_MAX = 64;
    static final long DURATION_MAX_MINS = Duration.ofDays(366).toMinutes();
    static final int MARKED_OPTIONS_MAX = 40;

    /** The form as it was before the vote defences; package-private so that binding sees one public constructor. */
    public CreateBallotForm(
            @Nullable String measure,
            @Nullable String optionsRaw,
            @Nullable String allowWriteIn,
            @Nullable String startTimeType,
            @Nullable String scheduledStartTime,
            @Nullable String durationMins,
            @Nullable String tzOffsetMins) {
        this(
                measure,
                optionsRaw,
                allowWriteIn,
                startTimeType,
                scheduledStartTime,
                durationMins,
                tzOffsetMins,
                null,
                null,
                null,
                null,
                null);
    }

    public static CreateBallotForm blank() {
        return new CreateBallotForm("", "", null, "now", "", "60", null, "", null, "live", "single", "2");
    }

    public String methodValue() {
        return votingMethod == null || votingMethod.isBlank() ? "single" : votingMethod.strip();
    }

    public List<VotingMethod> methodChoices() {
        return List.of(VotingMethod.values());
    }

    public String maxChoicesValue() {
        return maxChoices == null ? "" : maxChoices;
    }

    public String perAddressCapValue() {
        return perAddressCap == null ? "" : perAddressCap;
    }

    public boolean voteChallengeChecked() {
        return "on".equals(voteChallenge) || "true".equals(voteChallenge);
    }

    public String visibilityValue() {
        return resultsVisibility == null || resultsVisibility.isBlank() ? "live" : resultsVisibility.strip();
    }

    public List<ResultsVisibility> visibilityChoices() {
        return List.of(ResultsVisibility.values());
    }

    public String measureValue() {
        return measure == null ? "" : measure;
    }

    public String optionsValue() {
        return optionsRaw == null ? "" : optionsRaw;
    }

    public boolean writeInChecked() {
        return "on".equals(allowWriteIn) || "true".equals(allowWriteIn);
    }

    public boolean scheduled() {
        return "scheduled".equals(startTimeType);
    }

    public String scheduledValue() {
        return scheduledStartTime == null ? "" : scheduledStartTime;
    }

    public String durationValue() {
        return durationMins == null || durationMins.isBlank() ? "60" : durationMins.strip();
    }

    public List<Integer> offeredDurations() {
        return List.of(10, 60, 1440, 0);
    }

    /** The draft this form describes, or empty with {@code errors} filled in. */
    public Optional<BallotDraft> validate(Instant now, FieldErrors errors) {
        String trimmedMeasure = measureValue().strip();
        if (trimmedMeasure.codePointCount(0, trimmedMeasure.length()) < MEASURE_MIN) {
            errors.reject("measure", Text.of("create.measure_too_short"));
        } else if (trimmedMeasure.codePointCount(0, trimmedMeasure.length()) > MEASURE_MAX) {
            errors.reject("measure", Text.of("create.measure_too_long"));
        } else if (HiddenCharacters.in(trimmedMeasure)) {
            errors.reject("measure", Text.of("create.measure_hidden_characters"));
        }

        List<String> options = splitOptions();
        boolean writeIns = writeInChecked();
        if (!writeIns && options.size() < 2) {
            errors.reject("options_raw", Text.of("create.options_too_few"));
        } else if (options.isEmpty()) {
            errors.reject("options_raw", Text.of("create.options_none"));
        } else if (options.stream().anyMatch(o -> o.codePointCount(0, o.length()) > OPTION_MAX)) {
            errors.reject("options_raw", Text.of("create.option_length"));
        } else if (options.stream().anyMatch(HiddenCharacters::in)) {
            errors.reject("options_raw", Text.of("create.options_hidden_characters"));
        } else if (!distinct(options)) {
            errors.reject("options_raw", Text.of("create.options_duplicate"));
        }

        Instant startsAt = startTime(now, errors);
        Long duration = duration(errors);
        Optional<Integer> cap = perAddressCap(errors);
        Optional<ResultsVisibility> visibility = ResultsVisibility.parse(visibilityValue());
        if (visibility.isEmpty()) {
            errors.reject("results_visibility", Text.of("create.visibility_invalid"));
        }
        Optional<VotingMethod> method = VotingMethod.parse(methodValue());
        if (method.isEmpty()) {
            errors.reject("voting_method", Text.of("create.method_invalid"));
        }
        if (method.isPresent() && method.get().storesContent() && options.size() > MARKED_OPTIONS_MAX) {
            // Their vote form posts a field per option, write-ins included, and a form of more than 100 values is
            // refused before it is read: 40 listed and 50 write-ins still fit.
            errors.reject(
                    "options_raw",
                    Text.of(
                            "create.options_too_many",
                            String.valueOf(MARKED_OPTIONS_MAX),
                            Text.of("method." + method.get().value())));
        }
        Integer most = method.orElse(null) == VotingMethod.MULTIPLE
                ? maxChoices(options.size() + (writeIns ? 1 : 0), errors)
                : null;
        if (errors.any() || startsAt == null || duration == null || method.isEmpty()) {
            return Optional.empty();
        }
        Instant endsAt = duration == 0 ? null : startsAt.plus(Duration.ofMinutes(duration));
        VoteDefences defences = new VoteDefences(cap.orElse(null), voteChallengeChecked());
        return Optional.of(new BallotDraft(
                trimmedMeasure,
                options,
                writeIns,
                startsAt,
                endsAt,
                defences,
                WhoMayVote.ANYONE,
                visibility.orElse(ResultsVisibility.LIVE),
                method.get(),
                most));
    }

    /**
     * Multiple choice lets a voter pick from 2 up to every option (a write-in counts as one more); picking one is
     * single choice, and a limit above the options would be no limit, which is approval.
     */
    private @Nullable Integer maxChoices(int choosable, FieldErrors errors) {
        int most = Math.max(choosable, 2);
        try {
            int value = Integer.parseInt(maxChoicesValue().strip());
            if (value >= 2 && value <= most) {
                return value;
            }
        } catch (NumberFormatException e) {
            // The same answer as a number out of range.
        }
        errors.reject("max_choices", Text.of("create.max_choices_invalid", String.valueOf(most)));
        return null;
    }

    /** Blank is no cap; anything else must be a whole number from 1 (the rule the manage page shares). */
    private Optional<Integer> perAddressCap(FieldErrors errors) {
        return VoteDefences.parseCap(perAddressCapValue(), errors);
    }

    private List<String> splitOptions() {
        return Arrays.stream(optionsValue().split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static boolean distinct(List<String> options) {
        Set<String> seen = new HashSet<>();
        return options.stream().map(OptionLabels::normalize).allMatch(seen::add);
    }

    private @Nullable Instant startTime(Instant now, FieldErrors errors) {
        String type = startTimeType == null || startTimeType.isBlank() ? "now" : startTimeType;
        if (type.equals("now")) {
            return now;
        }
        if (!type.equals("scheduled")) {
            errors.reject("start_time_type", Text.of("create.start_type_invalid"));
            return null;
        }
        String raw = scheduledValue().strip();
        if (raw.isEmpty()) {
            errors.reject("scheduled_start_time", Text.of("create.start_required"));
            return null;
        }
        Instant at = parseInstant(raw);
        if (at == null) {
            errors.reject("scheduled_start_time", Text.of("create.start_invalid"));
            return null;
        }
        if (!at.isAfter(now)) {
            errors.reject("scheduled_start_time", Text.of("create.start_past"));
            return null;
        }
        return at;
    }

    private @Nullable Instant parseInstant(String raw) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException notAnInstant) {
            // An offset date-time or the datetime-local input's zone-less value are tried next.
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException notOffset) {
            // Fall through to the local form.
        }
        try {
            return LocalDateTime.parse(raw).toInstant(browserOffset());
        } catch (DateTimeParseException | ArithmeticException notLocal) {
            return null;
        }
    }

    private ZoneOffset browserOffset() {
        if (tzOffsetMins == null || tzOffsetMins.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            int minutesBehindUtc = Integer.parseInt(tzOffsetMins.strip());
            return ZoneOffset.ofTotalSeconds(-minutesBehindUtc * 60);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private @Nullable Long duration(FieldErrors errors) {
        try {
            long minutes = Long.parseLong(durationValue());
            if (minutes < 0 || minutes > DURATION_MAX_MINS) {
                errors.reject("duration_mins", Text.of("create.duration_range", String.valueOf(DURATION_MAX_MINS)));
                return null;
            }
            return minutes;
        } catch (NumberFormatException e) {
            errors.reject("duration_mins", Text.of("create.duration_invalid"));
            return null;
        }
    }
}
