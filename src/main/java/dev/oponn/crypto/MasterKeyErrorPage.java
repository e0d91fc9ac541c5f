package dev.oponn.crypto;

import dev.oponn.web.Page;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A ballot this instance cannot open because its master key is not this instance's: to the visitor the ballot is
 * temporarily unavailable (it is, until the operator fixes the configuration), never an internal error. The log
 * line that tells the operator what to share is {@link BallotKeys}'s.
 */
@ControllerAdvice
class MasterKeyErrorPage {

    static final String RETRY_AFTER_SECONDS = "60";

    @ExceptionHandler(MasterKeyMismatchException.class)
    ModelAndView unavailable(HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return new ModelAndView(
                "error",
                Map.of(
                        "status",
                        status.value(),
                        "title",
                        "unavailable",
                        "detail",
                        "This ballot is temporarily unavailable. Try again in a few minutes.",
                        "page",
                        Page.withoutForms()),
                status);
    }
}
