package dev.oponn.api;

import dev.oponn.crypto.KeyUnavailableException;
import dev.oponn.crypto.MasterKeyMismatchException;
import dev.oponn.web.FailureChain;
import dev.oponn.web.ProblemDocument;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every refusal of the API's controllers as a problem document. A body that is not JSON of the operation's shape is
 * 400, with nothing of the parser's message (which quotes the input); a wrong content type 415.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiProblem> refused(ApiException refused) {
        return answer(refused.problem(), refused);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiProblem> unreadable(HttpMessageNotReadableException e) {
        return answer(ApiProblem.of(HttpStatus.BAD_REQUEST, "The body is not JSON of this operation's shape"), null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiProblem> unsupported(HttpMediaTypeNotSupportedException e) {
        return answer(ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json"), null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiProblem> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return answer(ApiProblem.of(HttpStatus.NOT_ACCEPTABLE), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiProblem> method(HttpRequestMethodNotSupportedException e) {
        return answer(ApiProblem.of(HttpStatus.METHOD_NOT_ALLOWED), null);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ApiProblem> status(ResponseStatusException e) {
        HttpStatusCode code = e.getStatusCode();
        HttpStatus status = HttpStatus.resolve(code.value());
        ApiProblem problem = status == null ? ApiProblem.of(HttpStatus.INTERNAL_SERVER_ERROR) : ApiProblem.of(status);
        return ResponseEntity.status(code)
                .headers(e.getHeaders())
                .contentType(ProblemDocument.MEDIA_TYPE)
                .body(problem);
    }

    /**
     * No connection to the database: nothing ran, so nothing was written; 503 and try again, as for the pages
     * ({@code web.DatabaseUnavailable}).
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    ResponseEntity<ApiProblem> databaseUnavailable(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(ProblemDocument.MEDIA_TYPE)
                .body(ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE));
    }

    /**
     * The ballot's data key was wrapped by a master key this instance lacks: a configuration fault the operator
     * fixes ({@code crypto.BallotKeys} logs it once, naming the settings to share), not Oponn's failure, so the
     * caller hears what a visitor hears on the pages ({@code crypto.MasterKeyErrorPage}) and nothing is logged here.
     */
    @ExceptionHandler(MasterKeyMismatchException.class)
    ResponseEntity<ApiProblem> ballotUnavailable(MasterKeyMismatchException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, MasterKeyMismatchException.RETRY_AFTER_SECONDS)
                .contentType(ProblemDocument.MEDIA_TYPE)
                .body(ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, MasterKeyMismatchException.DETAIL));
    }

    /** The master key cannot be reached right now (the KMS): 503 and try again, as {@link KeyUnavailableException} says. */
    @ExceptionHandler(KeyUnavailableException.class)
    ResponseEntity<ApiProblem> keyUnavailable(KeyUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(ProblemDocument.MEDIA_TYPE)
                .body(ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE));
    }

    /**
     * Anything else is Oponn's fault, answered with nothing of it and logged as the pages log theirs
     * ({@code web.ErrorPages}): the exception classes, the line of Oponn's code and the route's template, never the
     * messages, which can quote ballot text or ids; the stack trace at debug.
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ApiProblem> failed(RuntimeException e, HttpServletRequest request) {
        String route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern
                ? pattern
                : "";
        log.atError()
                .setMessage("api.failed")
                .addKeyValue("path", route)
                .addKeyValue("error", FailureChain.classes(e))
                .addKeyValue("source", FailureChain.source(e))
                .log();
        log.atDebug()
                .setMessage("api.failure_trace")
                .addKeyValue("path", route)
                .setCause(e)
                .log();
        return answer(ApiProblem.of(HttpStatus.INTERNAL_SERVER_ERROR), null);
    }

    private static ResponseEntity<ApiProblem> answer(
            ApiProblem problem, @org.jspecify.annotations.Nullable ApiException e) {
        ResponseEntity.BodyBuilder builder =
                ResponseEntity.status(problem.status()).contentType(ProblemDocument.MEDIA_TYPE);
        if (e != null) {
            builder.headers(e.headers());
        }
        return builder.body(problem);
    }
}
