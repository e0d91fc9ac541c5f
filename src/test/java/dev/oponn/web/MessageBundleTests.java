package dev.oponn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.ballot.BallotStatus;
import dev.oponn.ballot.ResultsVisibility;
import dev.oponn.ballot.WhoMayVote;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundles are complete and well formed: every language has exactly the English keys, each message parses as a
 * {@link MessageFormat} with the same arguments as its English original, apostrophes are doubled (every message is
 * formatted, {@code spring.messages.always-use-message-format}), and every key a template or Java names exists.
 */
class MessageBundleTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern LITERAL_KEY =
            Pattern.compile("(?:\\bt|Text\\.of)\\(\\s*\"([a-z_]+(?:\\.[a-z_]+)+)\"\\s*[,)]");
    private static final Pattern SINGLE_QUOTE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @Test
    void everyLanguageHasExactlyTheKeysOfTheEnglishBundle() throws IOException {
        Properties english = bundle("messages.properties");
        for (Locale locale :
                Languages.supported().subList(1, Languages.supported().size())) {
            Properties other = bundle("messages_" + locale.getLanguage() + ".properties");
            assertThat(other.stringPropertyNames())
                    .as("keys of the %s bundle", locale)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        }
    }

    @Test
    void everyMessageParsesAndTakesTheArgumentsOfItsEnglishOriginal() throws IOException {
        Properties english = bundle("messages.properties");
        List<String> problems = new ArrayList<>();
        for (Locale locale : Languages.supported()) {
            String file = locale == Locale.ENGLISH
                    ? "messages.properties"
                    : "messages_" + locale.getLanguage() + ".properties";
            Properties messages = bundle(file);
            for (String key : messages.stringPropertyNames()) {
                String message = messages.getProperty(key);
                if (SINGLE_QUOTE.matcher(message).find()) {
                    problems.add(file + " " + key + ": a single apostrophe (write it twice)");
                }
                try {
                    new MessageFormat(message, locale);
                } catch (IllegalArgumentException e) {
                    problems.add(file + " " + key + ": " + e.getMessage());
                }
                if (english.containsKey(key) && !arguments(message).equals(arguments(english.getProperty(key)))) {
                    problems.add(file + " " + key + ": arguments " + arguments(message) + " where English has "
                            + arguments(english.getProperty(key)));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyNamedInATemplateOrInJavaIsInTheEnglishBundle() throws IOException {
        Properties english = bundle("messages.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files =
                Stream.concat(Files.walk(Path.of("src/main/jte")), Files.walk(Path.of("src/main/java")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher keys = LITERAL_KEY.matcher(Files.readString(file));
                while (keys.find()) {
                    if (!english.containsKey(keys.group(1))) {
                        missing.add(file + ": " + keys.group(1));
                    }
                }
            }
        }
        for (BallotStatus status : BallotStatus.values()) {
            require(english, "status." + status.label(), missing);
        }
        for (ResultsVisibility visibility : ResultsVisibility.values()) {
            require(english, "visibility." + visibility.value(), missing);
            require(english, "visibility.describe." + visibility.value(), missing);
        }
        for (WhoMayVote who : WhoMayVote.values()) {
            require(english, "who_may_vote." + who.value(), missing);
        }
        for (Locale locale : Languages.supported()) {
            require(english, "language." + locale.getLanguage(), missing);
        }
        for (dev.oponn.ballot.VotingMethod method : dev.oponn.ballot.VotingMethod.values()) {
            require(english, "method." + method.value(), missing);
            require(english, method.hint().code(), missing);
            require(english, "vote.instructions." + method.value(), missing);
        }
        for (dev.oponn.results.tabulation.InstantRunoffResult.Decision decision :
                dev.oponn.results.tabulation.InstantRunoffResult.Decision.values()) {
            if (decision != dev.oponn.results.tabulation.InstantRunoffResult.Decision.ELECTED
                    && decision != dev.oponn.results.tabulation.InstantRunoffResult.Decision.NOTHING_TO_COUNT) {
                require(english, "ranked.why." + decision.name().toLowerCase(Locale.ROOT), missing);
            }
        }
        for (String marked : new String[] {"ranked", "scored"}) {
            require(english, "vote.write_in_already_" + marked, missing);
        }
        for (org.springframework.http.HttpStatus status : org.springframework.http.HttpStatus.values()) {
            if (status.isError()) {
                require(english, "error." + ErrorPages.title(status), missing);
                require(english, ErrorPages.detailText(status).code(), missing);
            }
        }
        assertThat(missing).isEmpty();
    }

    private static void require(Properties bundle, String key, Set<String> missing) {
        if (!bundle.containsKey(key)) {
            missing.add(key);
        }
    }

    private static Set<String> arguments(String message) {
        Set<String> found = new TreeSet<>();
        Matcher arguments = ARGUMENT.matcher(message);
        while (arguments.find()) {
            found.add(arguments.group(1));
        }
        return found;
    }

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
