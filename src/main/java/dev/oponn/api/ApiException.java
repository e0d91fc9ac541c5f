package dev.oponn.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A refusal on its way to {@link ApiErrors}: the problem to answer and any headers it needs. */
final class ApiException extends RuntimeException {

    private final ApiProblem problem;
    private final HttpHeaders headers;

    ApiException(ApiProblem problem, HttpHeaders headers) {
        super(problem.title(), null, false, false);
        this.problem = problem;
        this.headers = headers;
    }

    ApiException(ApiProblem problem) {
        this(problem, new HttpHeaders());
    }

    /** The same 404 whether the ballot does not exist or the caller does not own it. */
    static ApiException notFound() {
        return new ApiException(ApiProblem.of(HttpStatus.NOT_FOUND));
    }

    ApiProblem problem() {
        return problem;
    }

    HttpHeaders headers() {
        return headers;
    }
}
