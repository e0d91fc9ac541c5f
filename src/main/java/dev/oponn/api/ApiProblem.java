package dev.oponn.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.ProblemDocument;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem document as the API answers it ({@code application/problem+json}): web's
 * {@link ProblemDocument} (type, title, status, a detail that echoes nothing from the request) plus, for invalid
 * input, {@code errors}: a message per field, the pages' own words, and for a refused vote its {@code reason}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem document")
record ApiProblem(
        @Schema(example = "about:blank") String type,
        @Schema(example = "Conflict") String title,
        @Schema(example = "409") int status,

        @Schema(example = "Voting has ended for this ballot")
        String detail,

        @Schema(
                description = "Per field, why its value was refused (422 only)",
                example = "{\"measure\":\"at least 3 characters\"}")
        @Nullable
        Map<String, String> errors,

        @Schema(description = "Why a vote was refused, as a tag", example = "ended") @Nullable
        String reason) {

    static ApiProblem of(HttpStatus status) {
        ProblemDocument standard = ProblemDocument.of(status);
        return new ApiProblem(
                standard.type().toString(), standard.title(), status.value(), standard.detail(), null, null);
    }

    static ApiProblem of(HttpStatus status, String detail) {
        ProblemDocument standard = ProblemDocument.of(status);
        return new ApiProblem(standard.type().toString(), standard.title(), status.value(), detail, null, null);
    }

    static ApiProblem invalid(FieldErrors errors) {
        HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDocument standard = ProblemDocument.of(status);
        return new ApiProblem(
                standard.type().toString(),
                standard.title(),
                status.value(),
                "The request's fields are not valid: see errors",
                errors.asMap().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().english(), (a, b) -> a, TreeMap::new)),
                null);
    }

    ApiProblem withReason(String tag) {
        return new ApiProblem(type, title, status, detail, errors, tag);
    }
}
