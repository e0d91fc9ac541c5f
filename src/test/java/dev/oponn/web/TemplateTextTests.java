package dev.oponn.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

/**
 * No template holds words of its own: with every JTE expression and directive taken out, no text a person reads is
 * left, neither between tags nor in the attributes a browser or screen reader shows ({@code placeholder},
 * {@code title}, {@code alt}, {@code aria-label}). Every such word comes from a bundle. The one exception is
 * Oponn's name, which is the same in every language.
 */
class TemplateTextTests {

    private static final Set<String> READ_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern NAME = Pattern.compile("oponn");

    @Test
    void noTemplateHasUserVisibleTextThatIsNotFromABundle() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
            for (Path template :
                    files.filter(f -> f.toString().endsWith(".jte")).toList()) {
                literals.addAll(literals(template, Files.readString(template)));
            }
        }
        assertThat(literals).isEmpty();
    }

    @Test
    void theCheckFindsWordsBetweenTagsAndInReadAttributes() {
        assertThat(literals(Path.of("sample.jte"), "<p>${page.t(\"a.b\")} cast_vote</p>"))
                .hasSize(1);
        assertThat(literals(Path.of("sample.jte"), "<input placeholder=\"your answer\">"))
                .hasSize(1);
        assertThat(literals(Path.of("sample.jte"), "@if(x)<b>${page.t(\"a.b\")}</b>@endif <title>${t} · oponn</title>"))
                .isEmpty();
    }

    static List<String> literals(Path template, String source) {
        Document html = Jsoup.parse(withoutJte(source));
        List<String> found = new ArrayList<>();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(org.jsoup.nodes.Node node, int depth) {
                        if (node instanceof TextNode text && !inScript(text) && readable(text.text())) {
                            found.add(template + ": text \"" + text.text().strip() + "\"");
                        }
                        if (node instanceof Element element) {
                            element.attributes().forEach(attribute -> {
                                if (READ_ATTRIBUTES.contains(attribute.getKey()) && readable(attribute.getValue())) {
                                    found.add(
                                            template + ": " + attribute.getKey() + "=\"" + attribute.getValue() + "\"");
                                }
                            });
                        }
                    }
                },
                html);
        return found;
    }

    private static boolean inScript(TextNode text) {
        return text.parent() instanceof Element parent
                && Set.of("script", "style").contains(parent.tagName());
    }

    private static boolean readable(String text) {
        return LETTER.matcher(NAME.matcher(text).replaceAll("")).find();
    }

    /** The template's HTML with every JTE expression, directive and parameter line taken out. */
    static String withoutJte(String source) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("${", i) || source.startsWith("$unsafe{", i) || source.startsWith("!{", i)) {
                i = closing(source, source.indexOf('{', i), '{', '}') + 1;
            } else if (source.startsWith("@`", i) || source.startsWith("`)", i)) {
                i += 2;
            } else if (source.charAt(i) == '@' && i + 1 < source.length() && Character.isLetter(source.charAt(i + 1))) {
                int end = i + 1;
                while (end < source.length()
                        && (Character.isLetterOrDigit(source.charAt(end))
                                || source.charAt(end) == '.'
                                || source.charAt(end) == '_')) {
                    end++;
                }
                String word = source.substring(i + 1, end);
                if (word.equals("import") || word.equals("param")) {
                    int line = source.indexOf('\n', end);
                    i = line < 0 ? source.length() : line;
                } else if (end < source.length() && source.charAt(end) == '(') {
                    // A template call whose last argument is content: only its head goes, the content stays.
                    int content = source.indexOf("@`", end);
                    int close = closing(source, end, '(', ')');
                    i = content >= 0 && content < close ? content + 2 : close + 1;
                } else {
                    i = end;
                }
            } else {
                out.append(source.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private static int closing(String source, int open, char opening, char closingChar) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' && source.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && c == opening) {
                depth++;
            } else if (!quoted && c == closingChar && --depth == 0) {
                return i;
            }
        }
        return source.length() - 1;
    }
}
