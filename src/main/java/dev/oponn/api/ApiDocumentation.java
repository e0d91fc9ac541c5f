package dev.oponn.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the generated OpenAPI document says beyond the controllers: the API's name, the manage token's scheme and
 * the problem answers the operations share, each with an example in the words Oponn answers.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI oponnApi() {
        Components components = new Components()
                .addSecuritySchemes(
                        "manageToken",
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description(
                                        "The manage_token a guest's ballot was created with (or a signed-in session)"));
        problems().forEach(components::addResponses);
        return new OpenAPI()
                .info(new Info()
                        .title("Oponn")
                        .version("v1")
                        .description("Ballots, votes, results and their live stream, for programs. Errors are RFC 9457"
                                + " problem documents. No cookies and no CSRF token: owners send Authorization: Bearer"
                                + " <manage_token>, voters Oponn-Device."))
                .components(components);
    }

    private static Map<String, ApiResponse> problems() {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        responses.put(
                "BadRequest",
                problem(
                        "The body is not JSON of the operation's shape",
                        400,
                        "Bad Request",
                        "The body is not JSON of this operation's shape"));
        responses.put(
                "Unauthorized",
                problem(
                        "No voter: no valid Oponn-Device, or on a signed_in ballot no session",
                        401,
                        "Unauthorized",
                        "Send the Oponn-Device header with a device token from POST /api/v1/devices"));
        responses.put(
                "Forbidden",
                problem(
                        "The proof of work was missing, wrong, expired or already used",
                        403,
                        "Forbidden",
                        "This ballot needs JavaScript to vote"));
        responses.put(
                "Hidden",
                problem(
                        "The counts are hidden from this requester (results visibility)",
                        403,
                        "Forbidden",
                        "results are hidden until the ballot closes"));
        responses.put(
                "NotFound",
                problem(
                        "No such ballot, or not the caller's to manage",
                        404,
                        "Not Found",
                        "There is nothing here. Check the link: ballot links are long and easy to cut short."));
        responses.put(
                "Conflict",
                problem(
                        "Refused by the ballot's state, in the page's words",
                        409,
                        "Conflict",
                        "Voting has ended for this ballot"));
        responses.put(
                "Invalid",
                problem(
                        "Invalid fields, each with the page's message",
                        422,
                        "Unprocessable Content",
                        "The request's fields are not valid: see errors"));
        ApiResponse tooMany = problem(
                "Over the rate limit; retry after Retry-After seconds",
                429,
                "Too Many Requests",
                "Too many requests from your network. Wait a moment and try again.");
        tooMany.addHeaderObject(
                "Retry-After", new Header().description("Seconds to wait").schema(new IntegerSchema()));
        responses.put("TooManyRequests", tooMany);
        ApiResponse unavailable = problem(
                "This instance is full or stopping, or cannot open this ballot now: its master key is unreachable or is"
                        + " another instance's (detail: This ballot is temporarily unavailable)",
                503,
                "Service Unavailable",
                "Oponn cannot serve this right now. Try again in a moment.");
        unavailable.addHeaderObject(
                "Retry-After", new Header().description("Seconds to wait").schema(new IntegerSchema()));
        responses.put("Unavailable", unavailable);
        return responses;
    }

    private static ApiResponse problem(String description, int status, String title, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        if (status == 422) {
            example.put("errors", Map.of("measure", "at least 3 characters"));
        }
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                                        .addExamples("example", new Example().value(example))));
    }
}
