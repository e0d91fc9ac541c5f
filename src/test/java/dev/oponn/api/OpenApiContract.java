package dev.oponn.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The served OpenAPI document as the judge of a reply: the operation must document the reply's status and content
 * type, and the body must match the documented schema (JSON Schema 2020-12, as OpenAPI 3.1 says), with no property
 * the schema does not declare.
 */
public final class OpenApiContract {

    private final ObjectNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    public OpenApiContract(ApiClient api) {
        ApiClient.Reply served = api.get("/api/v1/openapi.json");
        assertThat(served.status()).isEqualTo(200);
        this.document = (ObjectNode) served.json();
        assertThat(document.get("openapi").asString()).startsWith("3.1");
        closeObjects(document.get("components").get("schemas"));
    }

    public JsonNode document() {
        return document;
    }

    /**
     * @param path the operation's path template ({@code /api/v1/ballots/{id}})
     */
    public void check(String method, String path, ApiClient.Reply reply) {
        JsonNode operation = document.get("paths").get(path);
        assertThat(operation).as("documented path %s", path).isNotNull();
        operation = operation.get(method.toLowerCase());
        assertThat(operation).as("documented operation %s %s", method, path).isNotNull();
        JsonNode response = operation.get("responses").get(Integer.toString(reply.status()));
        assertThat(response)
                .as("%s %s documents status %s (body %s)", method, path, reply.status(), reply.body())
                .isNotNull();
        if (response.has("$ref")) {
            response = resolve(response.get("$ref").asString());
        }
        if (reply.body().isEmpty()) {
            return;
        }
        String mediaType = reply.contentType().split(";")[0].strip();
        JsonNode content = response.get("content");
        assertThat(content)
                .as("%s %s %s documents a body", method, path, reply.status())
                .isNotNull();
        JsonNode media = content.get(mediaType);
        if (media == null) {
            media = content.get("*/*");
        }
        assertThat(media)
                .as("%s %s %s documents %s (has %s)", method, path, reply.status(), mediaType, content.propertyNames())
                .isNotNull();
        if (!mediaType.endsWith("json")) {
            return;
        }
        String pointer = pointerTo(media.get("schema"), method, path, reply.status(), mediaType, response);
        ObjectNode root = document.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", pointer);
        Schema schema = registry.getSchema(SchemaLocation.of("https://oponn.test/openapi.json"), root);
        List<Error> errors = schema.validate(reply.json());
        assertThat(errors)
                .as("%s %s %s body %s against %s", method, path, reply.status(), reply.body(), media.get("schema"))
                .isEmpty();
    }

    private String pointerTo(
            JsonNode schema, String method, String path, int status, String mediaType, JsonNode response) {
        if (schema.has("$ref") && schema.size() == 1) {
            return schema.get("$ref").asString();
        }
        // An inline schema: point into the document where it sits.
        if (response
                == document.get("paths")
                        .get(path)
                        .get(method.toLowerCase())
                        .get("responses")
                        .get(Integer.toString(status))) {
            return "#/paths/" + escape(path) + "/" + method.toLowerCase() + "/responses/" + status + "/content/"
                    + escape(mediaType) + "/schema";
        }
        throw new AssertionError("inline schema in a shared response: " + schema);
    }

    private JsonNode resolve(String ref) {
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.get(part.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** Every object schema with properties refuses properties it does not declare. */
    private static void closeObjects(JsonNode schemas) {
        for (JsonNode schema : schemas) {
            close(schema);
        }
    }

    private static void close(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        if (object.has("properties") && !object.has("additionalProperties")) {
            object.put("unevaluatedProperties", false);
            for (JsonNode property : object.get("properties")) {
                close(property);
            }
        }
        if (object.has("items")) {
            close(object.get("items"));
        }
    }
}
