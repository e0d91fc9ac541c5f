package dev.oponn.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * No connection to the database could be had (it is down, restarting, or out of connections): no statement ran, so
 * nothing was written, and the honest answer is 503 "try again", Oponn's error page, not an internal error. The
 * fault suite ({@code faults/}, PostgreSQL stopped) holds every page and vote to this while the database is away.
 */
@ControllerAdvice
class DatabaseUnavailable {

    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
    }
}
