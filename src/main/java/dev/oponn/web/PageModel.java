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

    PageModel(ObjectProvider<PageNotices> notices) {
        this.notices = notices.orderedStream().toList();
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
            return new Page(null, null, List.of());
        }
        List<Notice> shown = notices.stream()
                .map(source -> source.take(request, response))
                .flatMap(Optional::stream)
                .toList();
        return new Page(csrf == null ? null : csrf.getToken(), principal == null ? null : principal.getName(), shown);
    }
}
