package dev.oponn.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every view its {@link Page}. Reading the token is what makes Spring Security set the CSRF cookie. */
@ControllerAdvice
class PageModel {

    @ModelAttribute("page")
    Page page(@Nullable CsrfToken csrf) {
        return new Page(csrf == null ? null : csrf.getToken());
    }
}
