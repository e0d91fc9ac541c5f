package dev.oponn.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error, from a controller, a filter or the servlet container, ends on this page: a status, a title and a
 * sentence a person can act on. Never the exception's message or a stack trace.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final ClientErrorLog clientErrors;
    private final Languages languages;

    ErrorPages(ClientErrorLog clientErrors, Languages languages) {
        this.clientErrors = clientErrors;
        this.languages = languages;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        logError(request, status, String.valueOf(model.getOrDefault("path", "")));
        return new ModelAndView(
                "error",
                Map.of(
                        "status",
                        status.value(),
                        "title",
                        title(status),
                        "detail",
                        detailText(status),
                        "page",
                        Page.withoutForms(languages.localizer(request))),
                status);
    }

    /**
     * The route's shape, never the path: paths hold ballot ids and manage keys ({@link PathTemplate}). A client error
     * (4xx) is a stranger's to send as often as they like, so it is counted and aggregated ({@link ClientErrorLog}),
     * with nothing of its exception, whose message may quote what the request held. A server error (5xx) is ours to
     * fix and is logged every time: named by its exception classes and the line of Oponn's code it came from, not by
     * its messages, which may quote what the request or the database held (a PostgreSQL error shows the row it
     * refused); its stack trace is logged at debug.
     */
    void logError(HttpServletRequest request, HttpStatus status, String path) {
        String template = PathTemplate.of(path);
        if (status.is4xxClientError()) {
            clientErrors.record(status.value(), template);
            return;
        }
        LoggingEventBuilder line = log.atLevel(status.is5xxServerError() ? Level.WARN : Level.INFO)
                .setMessage("http." + title(status))
                .addKeyValue("status", status.value())
                .addKeyValue("path", template);
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            line.addKeyValue("error", FailureChain.classes(failure))
                    .addKeyValue("source", FailureChain.source(failure))
                    .log();
            log.atDebug()
                    .setMessage("http.failure_trace")
                    .addKeyValue("path", template)
                    .setCause(failure)
                    .log();
            return;
        }
        line.log();
    }

    static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not_found";
            case FORBIDDEN -> "forbidden";
            case BAD_REQUEST -> "bad_request";
            case CONTENT_TOO_LARGE -> "request_too_large";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case TOO_MANY_REQUESTS -> "slow_down";
            case SERVICE_UNAVAILABLE -> "unavailable";
            default -> status.is4xxClientError() ? "bad_request" : "server_error";
        };
    }

    /** The page's sentence, in the reader's language; {@link #detail} is its English, for problem documents. */
    static Text detailText(HttpStatus status) {
        return Text.of(
                switch (status) {
                    case NOT_FOUND -> "error.detail.not_found";
                    case FORBIDDEN -> "error.detail.forbidden";
                    case BAD_REQUEST -> "error.detail.bad_request";
                    case CONTENT_TOO_LARGE -> "error.detail.request_too_large";
                    case METHOD_NOT_ALLOWED -> "error.detail.method_not_allowed";
                    case TOO_MANY_REQUESTS -> "error.detail.slow_down";
                    case SERVICE_UNAVAILABLE -> "error.detail.unavailable";
                    default -> status.is4xxClientError() ? "error.detail.client_error" : "error.detail.server_error";
                });
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing here. Check the link: ballot links are long and easy to cut short.";
            case FORBIDDEN -> "The form's security token was missing or out of date. Reload the page and try again.";
            case BAD_REQUEST -> "The request could not be understood. Reload the page and try again.";
            case CONTENT_TOO_LARGE -> "The request was larger than Oponn accepts.";
            case METHOD_NOT_ALLOWED -> "That action is not available at this address.";
            case TOO_MANY_REQUESTS -> "Too many requests from your network. Wait a moment and try again.";
            case SERVICE_UNAVAILABLE -> "Oponn cannot serve this right now. Try again in a moment.";
            default ->
                status.is4xxClientError()
                        ? "The request could not be served. Reload the page and try again."
                        : "Something went wrong on our side. Nothing you submitted was half-saved; try again.";
        };
    }
}
