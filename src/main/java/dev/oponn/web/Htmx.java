package dev.oponn.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

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
        return new ModelAndView((model, req, response) -> redirect(req, response, location));
    }

    /** {@link #redirect(HttpServletRequest, String)} for a filter or handler that writes the response itself. */
    public static void redirect(HttpServletRequest request, HttpServletResponse response, String location) {
        redirect(request, response, HttpStatus.NO_CONTENT, location);
    }

    /**
     * Sends the browser to {@code location}: HTMX gets {@code htmxStatus} with {@code HX-Redirect}, so htmx loads
     * that page whole instead of following a redirect inside its XHR and swapping the page into a fragment; any
     * other request gets 303 See Other.
     */
    public static void redirect(
            HttpServletRequest request, HttpServletResponse response, HttpStatus htmxStatus, String location) {
        if (isHtmx(request)) {
            response.setStatus(htmxStatus.value());
            response.setHeader("HX-Redirect", location);
            return;
        }
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader(HttpHeaders.LOCATION, location);
    }
}
