package dev.oponn.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a results fragment ({@code results/panel.jte}) shows: its {@code data-version} and the count of each
 * {@code .bar-row} by {@code data-option-id}. Read with patterns, not a DOM, to keep the harness free of an HTML
 * parser; the patterns tolerate attribute order and extra classes.
 */
record PanelTally(long version, Map<Integer, Long> counts) {

    private static final Pattern VERSION = Pattern.compile("data-version=\"(\\d+)\"");
    private static final Pattern ROW =
            Pattern.compile("<li\\b[^>]*\\bclass=\"[^\"]*\\bbar-row\\b[^>]*>(.*?)</li>", Pattern.DOTALL);
    private static final Pattern OPTION_ID = Pattern.compile("data-option-id=\"(\\d+)\"");
    private static final Pattern COUNT =
            Pattern.compile("<[a-z]+\\b[^>]*\\bclass=\"[^\"]*\\bcount\\b[^\"]*\"[^>]*>\\s*(\\d+)\\s*<");

    static Optional<PanelTally> parse(String html) {
        Matcher version = VERSION.matcher(html);
        if (!version.find()) {
            return Optional.empty();
        }
        Map<Integer, Long> counts = new LinkedHashMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            Matcher option = OPTION_ID.matcher(row.group());
            Matcher count = COUNT.matcher(row.group(1));
            if (option.find() && count.find()) {
                counts.put(Integer.parseInt(option.group(1)), Long.parseLong(count.group(1)));
            }
        }
        return Optional.of(new PanelTally(Long.parseLong(version.group(1)), counts));
    }

    /** Equal counts for every option either side names; an option absent on one side counts as zero votes. */
    boolean matches(Map<Integer, Long> truth) {
        java.util.Set<Integer> options = new java.util.TreeSet<>(counts.keySet());
        options.addAll(truth.keySet());
        for (Integer option : options) {
            if (counts.getOrDefault(option, 0L).longValue()
                    != truth.getOrDefault(option, 0L).longValue()) {
                return false;
            }
        }
        return version == truth.values().stream().mapToLong(Long::longValue).sum();
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
