package dev.oponn.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;

/**
 * What the layout needs on every page: the CSRF token that forms carry as a hidden field and HTMX sends as a
 * header, who is signed in, any one-time notices, and the reader's language. Error pages have no token.
 *
 * @param viewer the signed-in person's name; absent for a guest
 * @param notices shown once above the page's content (see {@link PageNotices})
 * @param localizer the page's words, in the language the request resolved to ({@link Languages})
 * @param here where the language switch brings the reader back to: this page's address
 */
public record Page(
        @Nullable String csrfToken, @Nullable String viewer, List<Notice> notices, Localizer localizer, String here) {

    public static final String CSRF_NAME = "X-CSRF-Token";

    public Page {
        notices = List.copyOf(notices);
    }

    public static Page withoutForms(Localizer localizer) {
        return new Page(null, null, List.of(), localizer, "/");
    }

    /** The {@code hx-headers} JSON for {@code <body>}; the token is URL-safe, so it needs no JSON escaping. */
    public String hxHeaders() {
        return csrfToken == null ? "{}" : "{\"" + CSRF_NAME + "\": \"" + csrfToken + "\"}";
    }

    public String csrfName() {
        return CSRF_NAME;
    }

    public boolean signedIn() {
        return viewer != null;
    }

    /** The message {@code code} in the page's language. */
    public String t(String code, Object... args) {
        return localizer.t(code, args);
    }

    public String t(@Nullable MessageSourceResolvable text) {
        return localizer.t(text);
    }

    /** The switch's links: each language by its own name, and whether it is the one shown. */
    public List<LanguageLink> languages() {
        return Languages.supported().stream()
                .map(locale -> new LanguageLink(
                        locale.getLanguage(),
                        localizer.t("language." + locale.getLanguage()),
                        "/language/" + locale.getLanguage() + "?return="
                                + java.net.URLEncoder.encode(here, java.nio.charset.StandardCharsets.UTF_8),
                        locale.getLanguage().equals(localizer.lang())))
                .toList();
    }

    public record LanguageLink(String lang, String name, String href, boolean current) {}
}
