package dev.oponn.crypto;

import dev.oponn.web.Languages;
import dev.oponn.web.Page;
import dev.oponn.web.ProblemDocument;
import dev.oponn.web.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A ballot this instance cannot open because its master key is not this instance's: to the visitor the ballot is
 * temporarily unavailable (it is, until the operator fixes the configuration), never an internal error. The log
 * line that tells the operator what to share is {@link BallotKeys}'s. A browser gets the error page, any other
 * client the same sentence as a problem document, like every other error.
 */
@ControllerAdvice
class MasterKeyErrorPage {

    private final Languages languages;

    MasterKeyErrorPage(Languages languages) {
        this.languages = languages;
    }

    @ExceptionHandler(value = MasterKeyMismatchException.class, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView unavailable(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, MasterKeyMismatchException.RETRY_AFTER_SECONDS);
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return new ModelAndView(
                "error",
                Map.of(
                        "status",
                        status.value(),
                        "title",
                        "unavailable",
                        "detail",
                        Text.of("error.detail.ballot_unavailable"),
                        "page",
                        Page.withoutForms(languages.localizer(request))),
                status);
    }

    @ExceptionHandler(MasterKeyMismatchException.class)
    ResponseEntity<Map<String, Object>> unavailableProblem() {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        ProblemDocument problem = new ProblemDocument(
                URI.create("about:blank"), status.getReasonPhrase(), status.value(), MasterKeyMismatchException.DETAIL);
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, MasterKeyMismatchException.RETRY_AFTER_SECONDS)
                .contentType(ProblemDocument.MEDIA_TYPE)
                .body(problem.fields());
    }
}
