package dev.oponn.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.ballot.internal.CreateBallotForm;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Pure rules: durations in words, status in time, label comparison, form validation. */
class BallotRulesTests {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    /** The application's bundles, read as Spring Boot reads them (application.properties, spring.messages). */
    private final ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();

    BallotRulesTests() {
        bundles.setBasename("messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setAlwaysUseMessageFormat(true);
        bundles.setFallbackToSystemLocale(false);
    }

    private String english(MessageSourceResolvable text) {
        return in(Locale.ENGLISH, text);
    }

    private String in(Locale locale, MessageSourceResolvable text) {
        return bundles.getMessage(text, locale);
    }

    @Test
    void durationsAreTheLargestWholeUnitRoundedDown() {
        assertThat(english(HumanDuration.of(Duration.ofSeconds(45)))).isEqualTo("45 seconds");
        assertThat(english(HumanDuration.of(Duration.ofSeconds(1)))).isEqualTo("1 second");
        assertThat(english(HumanDuration.of(Duration.ofSeconds(5 * 60 + 59)))).isEqualTo("5 minutes");
        assertThat(english(HumanDuration.of(Duration.ofMinutes(3 * 60 + 59)))).isEqualTo("3 hours");
        assertThat(english(HumanDuration.of(Duration.ofHours(49)))).isEqualTo("2 days");
        assertThat(english(HumanDuration.of(Duration.ofSeconds(-5)))).isEqualTo("0 seconds");
    }

    @Test
    void durationsTakeEachLanguagesPluralAndNumberFormat() {
        assertThat(in(Locale.GERMAN, HumanDuration.of(Duration.ofMinutes(1)))).isEqualTo("1 Minute");
        assertThat(in(Locale.GERMAN, HumanDuration.of(Duration.ofMinutes(5)))).isEqualTo("5 Minuten");
        assertThat(in(Locale.FRENCH, HumanDuration.of(Duration.ofSeconds(0)))).isEqualTo("0 seconde");
        assertThat(in(Locale.FRENCH, HumanDuration.of(Duration.ofHours(2)))).isEqualTo("2 heures");
        assertThat(in(Locale.forLanguageTag("es"), HumanDuration.of(Duration.ofDays(1))))
                .isEqualTo("1 día");
        assertThat(in(Locale.GERMAN, HumanDuration.of(Duration.ofDays(1_500)))).isEqualTo("1.500 Tagen");
        assertThat(english(HumanDuration.of(Duration.ofDays(1_500)))).isEqualTo("1,500 days");
        assertThat(in(Locale.GERMAN, Text.of("status.ends_in", HumanDuration.of(Duration.ofHours(3)))))
                .isEqualTo("endet in 3 Stunden");
    }

    @Test
    void statusFollowsStartAndEnd() {
        Ballot ballot = ballot(NOW.plusSeconds(300), NOW.plusSeconds(3_900));
        assertThat(ballot.status(NOW)).isEqualTo(BallotStatus.PENDING);
        assertThat(english(ballot.statusLine(NOW))).isEqualTo("starts in 5 minutes");
        assertThat(ballot.status(NOW.plusSeconds(300))).isEqualTo(BallotStatus.ACTIVE);
        assertThat(english(ballot.statusLine(NOW.plusSeconds(300)))).isEqualTo("ends in 1 hour");
        assertThat(ballot.status(NOW.plusSeconds(3_900))).isEqualTo(BallotStatus.ENDED);
        assertThat(english(ballot.statusLine(NOW.plusSeconds(3_900)))).isEqualTo("voting closed");
        assertThat(english(ballot(NOW, null).statusLine(NOW.plusSeconds(1_000_000))))
                .isEqualTo("voting open");
    }

    @Test
    void labelsCompareTrimmedNfcAndCaseFolded() {
        assertThat(OptionLabels.normalize("  Café  Nero ")).isEqualTo(OptionLabels.normalize("CAFE\u0301 nero"));
        assertThat(OptionLabels.normalize("Straße")).isEqualTo(OptionLabels.normalize("STRASSE"));
        assertThat(OptionLabels.normalize("tea")).isNotEqualTo(OptionLabels.normalize("team"));
    }

    @Test
    void writeInMatchesAnExistingOptionAsPeopleReadIt() {
        Ballot ballot = ballot(NOW, null);
        assertThat(ballot.optionMatching(" YES ")).map(BallotOption::id).contains(1);
        assertThat(ballot.optionMatching("maybe")).isEmpty();
    }

    @Test
    void questionsAndOptionsWithControlOrDirectionCharactersAreRefused() {
        for (String sneaky : new String[] {"nul\u0000byte", "bell\u0007", "evil\u202Etxt", "iso\u2066late"}) {
            FieldErrors measure = FieldErrors.none();
            assertThat(new CreateBallotForm("Which " + sneaky + "?", "yes,no", null, "now", null, "10", null)
                            .validate(NOW, measure))
                    .as(sneaky)
                    .isEmpty();
            assertThat(english(measure.get("measure"))).contains("control or direction-override");
            FieldErrors option = FieldErrors.none();
            assertThat(new CreateBallotForm("Which one?", "yes," + sneaky, null, "now", null, "10", null)
                            .validate(NOW, option))
                    .as(sneaky)
                    .isEmpty();
            assertThat(english(option.get("options_raw"))).contains("control or direction-override");
        }
    }

    @Test
    void validFormBecomesADraftWithTrimmedValues() {
        CreateBallotForm form = new CreateBallotForm("  Ship it?  ", " yes ,no,, ", "on", "now", null, "10", null);
        FieldErrors errors = FieldErrors.none();
        Optional<BallotDraft> draft = form.validate(NOW, errors);
        assertThat(errors.any()).isFalse();
        assertThat(draft).get().satisfies(d -> {
            assertThat(d.measure()).isEqualTo("Ship it?");
            assertThat(d.options()).containsExactly("yes", "no");
            assertThat(d.allowWriteIn()).isTrue();
            assertThat(d.startsAt()).isEqualTo(NOW);
            assertThat(d.endsAt()).isEqualTo(NOW.plusSeconds(600));
        });
    }

    @Test
    void zeroDurationMeansNoEnd() {
        FieldErrors errors = FieldErrors.none();
        Optional<BallotDraft> draft =
                new CreateBallotForm("Forever?", "a,b", null, "now", null, "0", null).validate(NOW, errors);
        assertThat(draft).get().extracting(BallotDraft::endsAt).isNull();
    }

    @Test
    void everyBrokenRuleIsReportedOnItsField() {
        FieldErrors errors = FieldErrors.none();
        Optional<BallotDraft> draft =
                new CreateBallotForm("no", "", null, "scheduled", "", "x", null).validate(NOW, errors);
        assertThat(draft).isEmpty();
        assertThat(errors.asMap().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> english(e.getValue()))))
                .containsEntry("measure", "at least 3 characters")
                .containsEntry("options_raw", "at least 2 options when write-ins are disabled")
                .containsEntry("scheduled_start_time", "Scheduled start time is required when 'scheduled' is selected")
                .containsEntry("duration_mins", "Duration must be a whole number of minutes");
    }

    @Test
    void measureLengthCountsCharactersNotUtf16Units() {
        String emoji = "🗳".repeat(255);
        FieldErrors errors = FieldErrors.none();
        new CreateBallotForm(emoji, "a,b", null, "now", null, "10", null).validate(NOW, errors);
        assertThat(errors.has("measure")).isFalse();
    }

    @Test
    void scheduledStartAcceptsInstantsOffsetsAndLocalTimes() {
        for (String value : List.of("2026-11-28T13:00:00Z", "2026-11-28T14:00:00+01:00", "2026-11-28T13:00")) {
            FieldErrors errors = FieldErrors.none();
            Optional<BallotDraft> draft =
                    new CreateBallotForm("Later", "a,b", null, "scheduled", value, "10", null).validate(NOW, errors);
            assertThat(draft)
                    .as(value)
                    .get()
                    .extracting(BallotDraft::startsAt)
                    .isEqualTo(Instant.parse("2026-11-28T13:00:00Z"));
        }
    }

    private static Ballot ballot(Instant start, Instant end) {
        return new Ballot(
                new BallotId("AAAAAAAAAAAAAAAAAAAAAA"),
                "Question?",
                List.of(new BallotOption(1, "yes", false), new BallotOption(2, "no", false)),
                true,
                VotingMethod.SINGLE,
                ResultsVisibility.LIVE,
                start,
                end,
                NOW,
                VoteDefences.NONE,
                WhoMayVote.ANYONE,
                null);
    }
}
