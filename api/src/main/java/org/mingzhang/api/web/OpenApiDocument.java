package org.mingzhang.api.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mingzhang.api.Limits;
import org.mingzhang.api.edge.IdempotencyKeys;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The OpenAPI document as the server answers: the one micronaut-openapi generates from the controllers, completed with
 * what the edge does around every operation, which no controller annotation says.
 * <ul>
 *   <li>Statuses every operation can answer, each a {@code Problem}: 400 (a text, header or parameter the edge
 *       refuses), 401, 403 and 429 where a token is needed (429 also on public paths: rate limits), 404 where the path
 *       or query names something, 409 and 422 on every write (a key used for another request, a rule of the books),
 *       413 and 415 where there is a body,
 *       503 (a full write queue, a database that does not answer).</li>
 *   <li>{@code Idempotency-Key} on every POST (API.md: every POST accepts it), required where the operation declares
 *       {@link IdempotencyKeys#DESCRIPTION} (the money operations refuse a request without it).</li>
 *   <li>{@code /health} and {@code /api/v1/public/**} without security.</li>
 *   <li>A nullable reference ({@code nullable} beside an {@code allOf} of one {@code $ref}) becomes "that schema, or
 *       null" in a form strict validators accept ({@link #allowNullReferences}).</li>
 *   <li>{@code Problem.errors} is not required: only a refusal of the request's content lists fields.</li>
 *   <li>A server entry (this server, relative), so that clients generated from it call where they read it.</li>
 * </ul>
 */
final class OpenApiDocument {

    static final String PROBLEM = "#/components/schemas/Problem";
    private static final String PUBLIC_PREFIX = "/api/v1/public/";
    private static final Set<String> UNSECURED = Set.of("/health");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiDocument() {
    }

    /** The generated document (YAML) completed as above, as YAML. */
    @SuppressWarnings("unchecked")
    static byte[] complete(byte[] generated) {
        LoaderOptions loading = new LoaderOptions();
        loading.setCodePointLimit(32 * 1024 * 1024);
        Map<String, Object> document = (Map<String, Object>) new Yaml(new Constructor(loading), new Representer(new DumperOptions()),
                new DumperOptions(), loading, new DatesAsText()).load(new ByteArrayInputStream(generated));
        Map<String, Object> schemas = map(map(document, "components"), "schemas");
        if (!document.containsKey("servers")) {
            Map<String, Object> documentInOrder = new LinkedHashMap<>();
            document.forEach((k, v) -> {
                documentInOrder.put(k, v);
                if (k.equals("info")) {
                    documentInOrder.put("servers", List.of(Map.of("url", "/", "description", "this server")));
                }
            });
            document = documentInOrder;
        }
        Map<String, Object> paths = map(document, "paths");
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            for (Map.Entry<String, Object> op : ((Map<String, Object>) path.getValue()).entrySet()) {
                if (METHODS.contains(op.getKey())) {
                    completeOperation(path.getKey(), op.getKey(), (Map<String, Object>) op.getValue());
                }
            }
        }
        Object problem = schemas.get("Problem");
        if (problem instanceof Map<?, ?> p && p.get("required") instanceof List<?> required) {
            List<Object> left = new ArrayList<>(required);
            left.remove("errors");
            if (left.isEmpty()) {
                ((Map<String, Object>) p).remove("required");
            } else {
                ((Map<String, Object>) p).put("required", left);
            }
        }
        allowNullReferences(document, schemas);
        DumperOptions dumping = new DumperOptions();
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumping.setWidth(120);
        dumping.setSplitLines(true);
        dumping.setDereferenceAliases(true);
        return new Yaml(dumping).dump(document).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * YAML 1.1's implicit types but the timestamp: the generator writes a date example ({@code 2026-05-02}) unquoted, and
     * read as a timestamp it would be written back as {@code 2026-05-02T00:00:00Z}, which a {@code YYYY-MM-DD} field's
     * schema refuses. Read as text, it is written back quoted, as the string the answer carries.
     */
    private static final class DatesAsText extends Resolver {

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
            addImplicitResolver(Tag.YAML, YAML, "!&*", 10);
        }
    }

    @SuppressWarnings("unchecked")
    private static void completeOperation(String path, String method, Map<String, Object> op) {
        boolean open = UNSECURED.contains(path) || path.startsWith(PUBLIC_PREFIX);
        if (open) {
            op.put("security", new ArrayList<>());
        }
        List<Object> parameters = (List<Object>) op.computeIfAbsent("parameters", k -> new ArrayList<>());
        // A path or query parameter that names a fund, project or record: 404 when there is none.
        boolean namesSomething = parameters.stream().anyMatch(p -> p instanceof Map<?, ?> m
                && ("path".equals(m.get("in")) || "query".equals(m.get("in"))));
        if (method.equals("post")) {
            Map<String, Object> key = null;
            for (Object p : parameters) {
                if (p instanceof Map<?, ?> m && "header".equals(m.get("in")) && IdempotencyKeys.HEADER.equals(m.get("name"))) {
                    key = (Map<String, Object>) m;
                }
            }
            if (key == null) {
                key = new LinkedHashMap<>();
                key.put("name", IdempotencyKeys.HEADER);
                key.put("in", "header");
                key.put("description", IdempotencyKeys.OPTIONAL_DESCRIPTION);
                key.put("schema", new LinkedHashMap<>(Map.of("type", "string", "maxLength", Limits.IDEMPOTENCY_KEY_CHARS_MAX)));
                parameters.add(key);
            }
            if (IdempotencyKeys.DESCRIPTION.equals(key.get("description"))) {
                key.put("required", true);
            }
        }
        if (parameters.isEmpty()) {
            op.remove("parameters");
        }
        Map<String, Object> responses = (Map<String, Object>) op.computeIfAbsent("responses", k -> new LinkedHashMap<>());
        boolean body = op.containsKey("requestBody");
        declare(responses, "400", "Refused: a parameter, header or body field the service does not take, each named with "
                + "its value in errors");
        if (!open) {
            declare(responses, "401", "No bearer token, or one this server does not know");
            declare(responses, "403", "The caller holds none of the roles the operation needs");
        }
        if (namesSomething) {
            declare(responses, "404", "Nothing of that code or id");
        }
        if (!method.equals("get")) {
            declare(responses, "409", "The Idempotency-Key was used for another request, or the record is in another state");
            declare(responses, "422", "Well formed, but a rule of the books refuses it (it would overdraw, break the budget, "
                    + "or the record is not in a state that allows it); the problem's type names the rule");
        }
        if (body) {
            declare(responses, "413", "The body is larger than the operation takes");
            declare(responses, "415", "The body is not of a type the operation takes, or comes in a Content-Encoding "
                    + "other than gzip or deflate");
        }
        declare(responses, "414", "The request line (method, path and query) is longer than the server reads");
        declare(responses, "429", open ? "This address called the public API too often; retry after Retry-After seconds"
                : "This address failed to authenticate too often; retry after Retry-After seconds");
        declare(responses, "431", "The request's headers are longer than the server reads in all");
        if (!path.equals("/openapi.yml")) {
            declare(responses, "503", "The service cannot take the request now (a full write queue, a database that does "
                    + "not answer); retry after Retry-After seconds");
        }
    }

    private static void declare(Map<String, Object> responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("description", description);
        response.put("content", Map.of("application/problem+json", Map.of("schema", Map.of("$ref", PROBLEM))));
        responses.put(status, response);
    }

    /**
     * Every {@code {nullable: true, allOf: [{$ref}]}} (what the generator writes for a nullable field of another schema)
     * becomes {@code {anyOf: [{$ref}, {type, nullable: true, enum: [null]}]}}: in OpenAPI 3.0, {@code nullable} counts
     * only beside a {@code type}, and null never passes the referenced schema itself, so a strict validator would
     * refuse the {@code null} the server sends. The second branch is the OpenAPI 3.0.3 way to say "or null".
     */
    @SuppressWarnings("unchecked")
    private static void allowNullReferences(Object node, Map<String, Object> schemas) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> schema = (Map<String, Object>) m;
            if (Boolean.TRUE.equals(schema.get("nullable")) && !schema.containsKey("type")
                    && schema.get("allOf") instanceof List<?> all && all.size() == 1
                    && all.get(0) instanceof Map<?, ?> ref && ref.get("$ref") instanceof String target) {
                Object referenced = schemas.get(target.substring(target.lastIndexOf('/') + 1));
                Object type = referenced instanceof Map<?, ?> r ? r.get("type") : null;
                Map<String, Object> orNull = new LinkedHashMap<>();
                orNull.put("type", type == null ? "object" : type);
                orNull.put("nullable", true);
                List<Object> onlyNull = new ArrayList<>();
                onlyNull.add(null);
                orNull.put("enum", onlyNull);
                schema.remove("nullable");
                schema.remove("allOf");
                schema.put("anyOf", new ArrayList<>(List.of(ref, orNull)));
                return;
            }
            schema.values().forEach(v -> allowNullReferences(v, schemas));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> allowNullReferences(v, schemas));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<>());
    }
}
