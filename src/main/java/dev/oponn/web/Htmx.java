package dev.oponn.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The HTMX conventions every handler follows: one handler serves both kinds of request, answering HTMX with a
 * fragment and a browser without HTMX with the whole page.
 */
public final class Htmx {

    private Htmx() {}

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** The fragment for HTMX, the full page otherwise, with the same model. */
    public static ModelAndView view(HttpServletRequest request, String page, String fragment, Map<String, ?> model) {
        return new ModelAndView(isHtmx(request) ? fragment : page, model);
    }

    /** After a successful POST: 204 with {@code HX-Redirect} for HTMX, 303 See Other otherwise. */
    public static ModelAndView redirect(HttpServletRequest request, String location) {
        if (isHtmx(request)) {
            return new ModelAndView((model, req, response) -> {
                response.setStatus(HttpStatus.NO_CONTENT.value());
                response.setHeader("HX-Redirect", location);
            });
        }
        RedirectView redirect = new RedirectView(location, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }
}
