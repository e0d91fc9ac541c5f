package dev.oponn.faults;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a results panel ({@code results/panel.jte}) shows: its {@code data-version} and each {@code .bar-row}'s
 * count by {@code data-option-id}. Read with patterns, as bench/ reads it, to keep the harness free of an HTML parser.
 */
record Panel(long version, Map<Integer, Long> counts) {

    private static final Pattern VERSION = Pattern.compile("data-version=\"(\\d+)\"");
    private static final Pattern ROW =
            Pattern.compile("<li\\b[^>]*\\bclass=\"[^\"]*\\bbar-row\\b[^>]*>(.*?)</li>", Pattern.DOTALL);
    private static final Pattern OPTION_ID = Pattern.compile("data-option-id=\"(\\d+)\"");
    private static final Pattern COUNT =
            Pattern.compile("<[a-z]+\\b[^>]*\\bclass=\"[^\"]*\\bcount\\b[^\"]*\"[^>]*>\\s*(\\d+)\\s*<");

    static Optional<Panel> parse(String html) {
        Matcher version = VERSION.matcher(html);
        if (!version.find()) {
            return Optional.empty();
        }
        Map<Integer, Long> counts = new TreeMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            Matcher option = OPTION_ID.matcher(row.group());
            Matcher count = COUNT.matcher(row.group(1));
            if (option.find() && count.find()) {
                counts.put(Integer.parseInt(option.group(1)), Long.parseLong(count.group(1)));
            }
        }
        return Optional.of(new Panel(Long.parseLong(version.group(1)), counts));
    }

    /** The same count for every option either side names (absent is zero). */
    boolean shows(Map<Integer, Long> truth) {
        TreeMap<Integer, Long> all = new TreeMap<>(truth);
        counts.keySet().forEach(o -> all.putIfAbsent(o, 0L));
        return all.entrySet().stream()
                .allMatch(e -> counts.getOrDefault(e.getKey(), 0L).longValue() == e.getValue());
    }
}
