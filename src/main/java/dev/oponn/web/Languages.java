package dev.oponn.web;

import dev.oponn.platform.OponnProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The languages Oponn speaks and which one a request gets: the one its reader chose with the switch on every page
 * (remembered in the {@code oponn_lang} cookie, no account needed), else the first of the browser's
 * {@code Accept-Language} that Oponn speaks, else English. It is Spring MVC's locale resolver (the bean name is
 * what the dispatcher looks for), so every request and template reads the same answer.
 */
@Component("localeResolver")
public class Languages implements LocaleResolver {

    static final String COOKIE = "oponn_lang";

    /** English first: the fallback, and the bundle every other one must match key for key. */
    public static List<Locale> supported() {
        return List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("es"));
    }

    private static final Duration REMEMBERED = Duration.ofDays(365);

    private final MessageSource messages;
    private final boolean secureCookies;

    Languages(MessageSource messages, OponnProperties properties) {
        this.messages = messages;
        this.secureCookies = properties.secureCookies();
    }

    public Localizer localizer(Locale locale) {
        return new Localizer(messages, supported(locale.getLanguage()).orElse(Locale.ENGLISH));
    }

    public Localizer localizer(HttpServletRequest request) {
        return localizer(resolveLocale(request));
    }

    public static Optional<Locale> supported(@Nullable String language) {
        return supported().stream()
                .filter(locale -> locale.getLanguage().equalsIgnoreCase(language))
                .findFirst();
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    Optional<Locale> chosen = supported(cookie.getValue());
                    if (chosen.isPresent()) {
                        return chosen.get();
                    }
                }
            }
        }
        if (request.getHeader("Accept-Language") != null) {
            for (Locale asked : Collections.list(request.getLocales())) {
                Optional<Locale> spoken = supported(asked.getLanguage());
                if (spoken.isPresent()) {
                    return spoken.get();
                }
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        if (response == null) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, locale == null ? "" : locale.getLanguage());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setMaxAge(locale == null ? 0 : (int) REMEMBERED.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
