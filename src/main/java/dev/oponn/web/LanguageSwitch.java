package dev.oponn.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The language switch on every page: {@code GET /language/de?return=/vote/…} remembers the choice and goes back to
 * the page. A link, not a form, so that it works on every page, error pages (which carry no form token) included;
 * what it changes is only how Oponn speaks to this browser. It returns only to a path on this site.
 */
@Controller
class LanguageSwitch {

    private final Languages languages;

    LanguageSwitch(Languages languages) {
        this.languages = languages;
    }

    @GetMapping("/language/{lang}")
    String choose(
            @PathVariable String lang,
            @RequestParam(name = "return", defaultValue = "/") String back,
            HttpServletRequest request,
            HttpServletResponse response) {
        Locale chosen = Languages.supported(lang).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        languages.setLocale(request, response, chosen);
        return "redirect:" + (onThisSite(back) ? back : "/");
    }

    /** A path of this site: {@code /x}, never {@code //host} or {@code /\host}, which browsers read as another. */
    static boolean onThisSite(String path) {
        return path.startsWith("/")
                && !path.startsWith("//")
                && !path.startsWith("/\\")
                && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
