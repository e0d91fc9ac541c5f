package dev.oponn.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring Boot's error controller with two changes. A client that does not ask for HTML gets a
 * {@link ProblemDocument} instead of Boot's JSON, which echoes the path. And {@code /error} is only where errors
 * are rendered: asked for directly it is a 404 like any unknown path (Boot answered 500, with no error to show,
 * and logged it as a server error). Browsers still get {@link ErrorPages}, and both answers are logged alike
 * ({@link ErrorPages#logError}).
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
final class ErrorResponses extends BasicErrorController {

    private final ErrorPages log;

    ErrorResponses(ErrorAttributes attributes, WebProperties web, List<ErrorViewResolver> pages, ErrorPages log) {
        super(attributes, web.getError(), pages);
        this.log = log;
    }

    @Override
    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        refuseDirectRequests(request);
        return super.errorHtml(request, response);
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        refuseDirectRequests(request);
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return ResponseEntity.noContent().build();
        }
        // The page's resolver logs the errors browsers get; this logs the same for every other client.
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        log.logError(request, status, path instanceof String uri ? uri : "");
        return ResponseEntity.status(status)
                .contentType(ProblemDocument.MEDIA_TYPE)
                .body(ProblemDocument.of(status).fields());
    }

    private static void refuseDirectRequests(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
