package dev.oponn.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every view its {@link Page}. Reading the token is what makes Spring Security set the CSRF cookie. */
@ControllerAdvice
class PageModel {

    private final List<PageNotices> notices;
    private final Languages languages;

    PageModel(ObjectProvider<PageNotices> notices, Languages languages) {
        this.notices = notices.orderedStream().toList();
        this.languages = languages;
    }

    /** The principal is absent for guests: Spring Security hides its anonymous token from the servlet API. */
    @ModelAttribute("page")
    Page page(
            @Nullable CsrfToken csrf,
            @Nullable Principal principal,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (ProgramRoutes.isProgramRoute(request)) {
            // Programs get no page: no CSRF cookie, and no one-time notice is taken and lost.
            return Page.withoutForms(languages.localizer(request));
        }
        List<Notice> shown = notices.stream()
                .map(source -> source.take(request, response))
                .flatMap(Optional::stream)
                .toList();
        return new Page(
                csrf == null ? null : csrf.getToken(),
                principal == null ? null : principal.getName(),
                shown,
                languages.localizer(request),
                here(request));
    }

    /** The words of fragments that are rendered without a {@link Page} (the results panel HTMX swaps in). */
    @ModelAttribute("t")
    Localizer localizer(HttpServletRequest request) {
        return languages.localizer(request);
    }

    /**
     * Where the language switch returns to. A page answering a form post (a refused vote, a refused owner control)
     * returns to the page the form was on, since its own address takes no GET.
     */
    static String here(HttpServletRequest request) {
        String path = request.getRequestURI();
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        }
        if (path.startsWith("/manage/")) {
            return path.substring(0, path.lastIndexOf('/'));
        }
        return path.equals("/auth/mock-sign-in") ? "/login" : path;
    }
}
