package dev.oponn.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, from the npm registry, audited in the page the browser shows. The script is handed to the page through
 * the driver (which the page's Content Security Policy does not govern), never served by Oponn. {@code .ci/run}
 * installs it; a test run without it installs it the same way, once, into the git-ignored {@code .cache/axe}.
 */
public final class Axe {

    public static final String VERSION = "4.14.1";

    /** WCAG 2.0, 2.1 and 2.2, levels A and AA: the rule sets axe tags so. */
    public static final List<String> WCAG_AA =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private static final Path INSTALL = Path.of(".cache", "axe");
    private static final Path SCRIPT = INSTALL.resolve("node_modules/axe-core/axe.min.js");

    private final String source;

    public Axe() {
        this.source = read();
    }

    /** Every violation of the rule sets on the page now shown: rule id, impact and the elements at fault. */
    public List<String> violations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(source);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,
                      nodes: v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))))
                  .catch(e => done([{id: 'axe-error', impact: 'error', nodes: [String(e)]}]));
                """, WCAG_AA);
        List<String> described = new ArrayList<>();
        for (Map<String, Object> violation : found) {
            described.add(violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("nodes"));
        }
        return described;
    }

    private static String read() {
        try {
            if (!Files.exists(SCRIPT)) {
                install();
            }
            return Files.readString(SCRIPT, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void install() throws IOException {
        Process npm = new ProcessBuilder(
                        "npm",
                        "install",
                        "--no-save",
                        "--no-audit",
                        "--no-fund",
                        "--prefix",
                        INSTALL.toString(),
                        "axe-core@" + VERSION)
                .inheritIO()
                .start();
        try {
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm could not install axe-core " + VERSION + " into " + INSTALL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing axe-core", e);
        }
    }
}
