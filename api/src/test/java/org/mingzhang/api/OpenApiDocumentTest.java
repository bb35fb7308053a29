package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 10: the document clients generate from says what the server does. The served document is read with
 * swagger-parser (the parser most OpenAPI generators use) and must give no message; and it is written to
 * {@code api/target/openapi.yml}, where {@code .ci/run} lints it with Redocly's {@code recommended-strict} rules.
 */
@MicronautTest
@DisplayName("Finding 10: the served OpenAPI document")
class OpenApiDocumentTest extends ApiTestBase {

    static final Path WRITTEN = Path.of("target", "openapi.yml");

    OpenAPI served() throws IOException {
        ApiClient.Reply reply = api().get("/openapi.yml").send();
        assertEquals(200, reply.status(), reply::toString);
        Files.createDirectories(WRITTEN.getParent());
        Files.writeString(WRITTEN, reply.body(), StandardCharsets.UTF_8);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(reply.body(), null, options);
        assertEquals(List.of(), parsed.getMessages(), "swagger-parser finds nothing wrong in the served document");
        return parsed.getOpenAPI();
    }

    @Test
    void everyOperationDeclaresWhatTheEdgeAnswers() throws IOException {
        OpenAPI api = served();
        List<String> missing = new ArrayList<>();
        int posts = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            boolean open = path.getKey().equals("/health") || path.getKey().startsWith("/api/v1/public/");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                Operation op = entry.getValue();
                String name = entry.getKey() + " " + path.getKey();
                List<String> statuses = new ArrayList<>(List.of("400", "414", "429", "431"));
                if (!open) {
                    statuses.addAll(List.of("401", "403"));
                }
                if (op.getRequestBody() != null) {
                    statuses.addAll(List.of("413", "415"));
                }
                for (String status : statuses) {
                    if (!op.getResponses().containsKey(status)) {
                        missing.add(name + " does not declare " + status);
                    }
                }
                if (open && (op.getSecurity() == null || !op.getSecurity().isEmpty())) {
                    missing.add(name + " is open but inherits bearer security");
                }
                if (entry.getKey() == PathItem.HttpMethod.POST) {
                    posts++;
                    Parameter key = op.getParameters() == null ? null : op.getParameters().stream()
                            .filter(p -> "header".equals(p.getIn()) && "Idempotency-Key".equals(p.getName())).findFirst().orElse(null);
                    if (key == null) {
                        missing.add(name + " does not declare Idempotency-Key");
                    } else if ("payDisbursement".equals(op.getOperationId()) && !Boolean.TRUE.equals(key.getRequired())) {
                        missing.add(name + " needs its Idempotency-Key and must say so");
                    }
                }
            }
        }
        assertTrue(posts > 20, "the document has the API's POSTs: " + posts);
        assertEquals(List.of(), missing);
        assertTrue(api.getComponents().getSchemas().get("Problem").getRequired() == null
                || !api.getComponents().getSchemas().get("Problem").getRequired().contains("errors"),
                "a 401, 403, 404 or 409 carries no errors list");
    }
}
