package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's fuzz test: hostile values in every field of every operation the served OpenAPI document names (path and
 * query parameters, the Idempotency-Key header, every field of the body down to nested objects and the first element of
 * lists), each sent on its own in an otherwise plausible request (codes of a real fund, project and pool). Every answer
 * must be below 500 and name no Java class nor show a stack trace; every refused request (4xx) must leave the database
 * exactly as it was: each table's row count and a hash over all its rows, the journal's chain head among them.
 *
 * <p>In the suite each field gets {@value #VALUES_PER_FIELD_IN_SUITE} of the fixed hostile values, rotating so that
 * every value is sent somewhere, and {@value #GENERATED_PER_FIELD_IN_SUITE} drawn by jqwik ({@link #GENERATED});
 * {@code -Dmingzhang.fuzz.all=true} sends every fixed value and {@value #GENERATED_PER_FIELD_IN_CAMPAIGN} drawn ones
 * to every field (docs/reliability.md).
 * {@link FuzzPostgresTest} does the same on PostgreSQL.
 */
@MicronautTest
@DisplayName("Fuzz: hostile values in every field of every operation")
class FuzzTest extends DonationTestBase {

    static final int VALUES_PER_FIELD_IN_SUITE = 6;
    static final int GENERATED_PER_FIELD_IN_SUITE = 2;
    static final int GENERATED_PER_FIELD_IN_CAMPAIGN = 20;
    /**
     * Values drawn by jqwik besides the fixed list: text of any code point (controls, surrogates and bidi marks
     * included), text made of the characters that break parsers and spreadsheets, numbers of every size and sign, and
     * JSON's other types. Drawn afresh on every run (jqwik's {@code sampleStream}, which works outside a property); a
     * failure shows the value that caused it, so it can be added to the fixed list.
     */
    static final Arbitrary<Object> GENERATED = Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(64).map(v -> (Object) v),
            Arbitraries.strings().withChars("=+-@\t\r\n\u0000\u202e\u2066\ud800\udc00\"'\\<>%$;.0123456789eE")
                    .ofMaxLength(24).map(v -> (Object) v),
            Arbitraries.bigIntegers().between(new BigInteger("-1" + "0".repeat(30)), new BigInteger("1" + "0".repeat(30)))
                    .map(v -> (Object) v),
            Arbitraries.doubles().map(v -> (Object) v),
            Arbitraries.strings().numeric().ofMaxLength(30).map(v -> (Object) (v + ".001")),
            Arbitraries.of(true, false).map(v -> (Object) v));
    /** What must never reach a client: a Java class or package, a stack frame. */
    static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bat [a-z][\\w$]*\\.[\\w$.]+\\(|java\\.|javax\\.|org\\.mingzhang|io\\.micronaut|com\\.fasterxml|org\\.h2\\."
                    + "|org\\.postgresql|org\\.jooq|io\\.netty");
    /** Non-ASCII written as \\u escapes, so that a lone surrogate reaches the server as the client meant it. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    static final List<Object> HOSTILE = java.util.Collections.unmodifiableList(Arrays.asList(
            "\u0000", "a\u0000b", "\u202egnp.exe", "\ud800", "a\u0007b", "\t\n", "x".repeat(100_000), "", " ",
            "-1", "0", "-0.01", "0.001", "99999999999999999999.99", "9999999999999.99", "1e9", "NaN", "Infinity",
            "0000-01-01T00:00:00Z", "+292278994-08-17T07:12:55Z", "2026-02-30", "9999-12-31", "1899-12-31T23:59:59+08:00",
            "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "' OR 1=1 --", "../../etc/passwd", "%00", "${jndi:ldap://x/a}",
            "mz:internal", "ADMIN", "𠀾", "A".repeat(40), 0, -1, 1.5, 1e308, new BigInteger("9223372036854775808"), true,
            null, List.of(), Map.of("a", 1)));

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String dbUrl;
    String dbUser = "sa";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        dbUrl = properties.get("mingzhang.db.url");
        return properties;
    }

    @Test
    void noFieldOfAnyOperationBreaksTheServiceOrWritesWhenRefused() throws Exception {
        Map<String, String> fixture = fixture();
        OpenAPI api = document();
        boolean all = Boolean.getBoolean("mingzhang.fuzz.all");
        java.util.Iterator<Object> generated = GENERATED.sampleStream().iterator();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        int refused = 0;
        int field = 0;
        int operations = 0;
        int baselinesTaken = 0;
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, "")) {
            Map<String, String> before = fingerprint(db);
            assertTrue(before.size() > 20, "the fingerprint covers the schema's tables: " + before.keySet());
            assertEquals(201, post(accountant, key(), gift(fixture.get("fund"), "1.00")).status());
            Map<String, String> afterAGift = fingerprint(db);
            assertTrue(!afterAGift.equals(before), "a gift shows in the fingerprint");
            before = afterAGift;
            for (Map.Entry<String, PathItem> path : new TreeMap<>(api.getPaths()).entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                    Case base = baseline(path.getKey(), entry.getKey().name(), entry.getValue(), api, fixture);
                    HttpResponse<String> plain = send(base);
                    operations++;
                    if (plain != null && plain.statusCode() < 300) {
                        baselinesTaken++;
                    } else if (Boolean.getBoolean("mingzhang.fuzz.verbose")) {
                        System.out.println("baseline refused: " + entry.getKey() + " " + path.getKey() + " -> "
                                + (plain == null ? "unsent" : plain.statusCode() + " " + plain.body()));
                    }
                    before = fingerprint(db);
                    for (Target target : base.targets()) {
                        field++;
                        int fixed = all ? HOSTILE.size() : VALUES_PER_FIELD_IN_SUITE;
                        int drawn = all ? GENERATED_PER_FIELD_IN_CAMPAIGN : GENERATED_PER_FIELD_IN_SUITE;
                        for (int i = 0; i < fixed + drawn; i++) {
                            Object value = i >= fixed ? generated.next()
                                    : HOSTILE.get(all ? i : (field * VALUES_PER_FIELD_IN_SUITE + i) % HOSTILE.size());
                            String asked = entry.getKey() + " " + path.getKey() + " " + target + " = " + shown(value);
                            HttpResponse<String> answer;
                            try {
                                answer = send(base.with(target, value));
                            } catch (IOException dropped) {
                                // Once more on a fresh connection: a kept-alive one may have been closed by the server.
                                try {
                                    answer = send(base.with(target, value));
                                } catch (IOException again) {
                                    // Even a request the server refuses unread (a request line or headers over its
                                    // limits) is answered: the server lingers on close (LingeringClose).
                                    failures.add(asked + ": no answer, the connection was dropped (" + again.getMessage() + ")");
                                    continue;
                                }
                            }
                            if (answer == null) {
                                continue; // a value the HTTP client itself will not put in a header
                            }
                            sent++;
                            String what = asked + " -> " + answer.statusCode();
                            if (answer.statusCode() >= 500) {
                                failures.add(what + ": " + answer.body());
                            }
                            if (INTERNALS.matcher(answer.body()).find()) {
                                failures.add(what + " shows internals: " + answer.body());
                            }
                            Map<String, String> after = fingerprint(db);
                            if (answer.statusCode() >= 400) {
                                refused++;
                                if (!after.equals(before)) {
                                    failures.add(what + " was refused but wrote: " + difference(before, after));
                                }
                            }
                            before = after;
                        }
                    }
                }
            }
        }
        System.out.println("FuzzTest on " + dbUrl.replaceAll("[?;].*", "") + ": " + sent
                + " hostile requests to " + field
                + " fields of " + operations + " operations (" + baselinesTaken + " of whose plausible requests were taken as "
                + "they were), " + refused + " refused");
        assertTrue(sent > 1_000, "the fuzz reached the API: " + sent + " requests");
        assertEquals(List.of(), failures.size() > 30 ? failures.subList(0, 30) : failures);
    }

    /** A fund with a project raising money, a matching pool, a gift: real codes for the baseline requests. */
    Map<String, String> fixture() {
        String fund = newFund();
        String pool = matchingPool();
        String project = raisingProject(fund);
        ApiClient.Reply gift = post(accountant, key(), gift(fund, "10.00"));
        assertEquals(201, gift.status(), gift::toString);
        Map<String, String> values = new HashMap<>();
        values.put("fund", fund);
        values.put("project", project);
        values.put("pool", pool);
        values.put("id", gift.json().get("id").asText());
        return values;
    }

    OpenAPI document() {
        ApiClient.Reply reply = api().get("/openapi.yml").send();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIParser().readContents(reply.body(), null, options).getOpenAPI();
    }

    /** Where a hostile value goes: a path or query parameter, the Idempotency-Key header, or a body field by its path. */
    record Target(String in, String name, List<Object> bodyPath) {
        @Override
        public String toString() {
            return in + ":" + (bodyPath == null ? name : bodyPath.toString());
        }
    }

    /** One request: method, path template with its parameters, query, headers and JSON body. */
    record Case(String method, String template, Map<String, Object> pathParams, Map<String, Object> query,
                Map<String, Object> headers, Object body, List<Target> targets) {

        @SuppressWarnings("unchecked")
        Case with(Target target, Object value) {
            Map<String, Object> path = new LinkedHashMap<>(pathParams);
            Map<String, Object> q = new LinkedHashMap<>(query);
            Map<String, Object> h = new LinkedHashMap<>(headers);
            Object b = body == null ? null : JSON.convertValue(body, Object.class);
            switch (target.in()) {
                case "path" -> path.put(target.name(), value);
                case "query" -> q.put(target.name(), value);
                case "header" -> h.put(target.name(), value);
                default -> {
                    Object parent = b;
                    List<Object> at = target.bodyPath();
                    for (int i = 0; i < at.size() - 1; i++) {
                        parent = at.get(i) instanceof Integer n ? ((List<Object>) parent).get(n) : ((Map<String, Object>) parent).get(at.get(i));
                    }
                    Object last = at.get(at.size() - 1);
                    if (last instanceof Integer n) {
                        ((List<Object>) parent).set(n, value);
                    } else {
                        ((Map<String, Object>) parent).put((String) last, value);
                    }
                }
            }
            return new Case(method, template, path, q, h, b, targets);
        }
    }

    Case baseline(String template, String method, Operation op, OpenAPI api, Map<String, String> fixture) {
        Map<String, Object> path = new LinkedHashMap<>();
        Map<String, Object> query = new LinkedHashMap<>();
        Map<String, Object> headers = new LinkedHashMap<>();
        List<Target> targets = new ArrayList<>();
        for (Parameter p : op.getParameters() == null ? List.<Parameter>of() : op.getParameters()) {
            Object value = sample(p.getName(), p.getSchema(), template, fixture, 0);
            switch (p.getIn()) {
                case "path" -> path.put(p.getName(), value);
                case "query" -> {
                    if (Boolean.TRUE.equals(p.getRequired())) {
                        query.put(p.getName(), value); // an optional one is left out until it is the target
                    }
                }
                case "header" -> headers.put(p.getName(), key());
                default -> {
                    continue;
                }
            }
            targets.add(new Target(p.getIn(), p.getName(), null));
        }
        Object body = null;
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null
                && op.getRequestBody().getContent().get("application/json") != null) {
            body = sample("body", op.getRequestBody().getContent().get("application/json").getSchema(), template, fixture, 0);
            bodyTargets(body, new ArrayList<>(), targets);
        }
        return new Case(method, template, path, query, headers, body, targets);
    }

    @SuppressWarnings("unchecked")
    static void bodyTargets(Object node, List<Object> at, List<Target> targets) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                List<Object> next = new ArrayList<>(at);
                next.add(e.getKey());
                targets.add(new Target("body", null, next));
                bodyTargets(e.getValue(), next, targets);
            }
        } else if (node instanceof List<?> list && !list.isEmpty()) {
            List<Object> next = new ArrayList<>(at);
            next.add(0);
            targets.add(new Target("body", null, next));
            bodyTargets(list.get(0), next, targets);
        }
    }

    /** A plausible value for a field: the fixture's codes by name, else the schema's example, enum or type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object sample(String name, Schema<?> schema, String template, Map<String, String> fixture, int depth) {
        String lower = name.toLowerCase();
        if (lower.equals("code") || lower.endsWith("code") && !lower.equals("accountcode") && !lower.endsWith("creditcode")) {
            if (lower.contains("project") || lower.equals("code") && template.contains("/projects/")) {
                return fixture.get("project");
            }
            if (lower.contains("pool") || lower.equals("code") && template.contains("/matching-pools/")) {
                return fixture.get("pool");
            }
            if (lower.contains("fund") || lower.equals("code")) {
                return fixture.get("fund");
            }
        }
        if (lower.equals("id")) {
            return fixture.get("id");
        }
        if (schema == null || depth > 4) {
            return "x";
        }
        if (schema.getExample() != null) {
            return schema.getExample() instanceof OffsetDateTime t ? t.toString() : schema.getExample();
        }
        if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
            return sample(name, schema.getAnyOf().get(0), template, fixture, depth + 1);
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return sample(name, schema.getOneOf().get(0), template, fixture, depth + 1);
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return sample(name, schema.getAllOf().get(0), template, fixture, depth + 1);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return String.valueOf(schema.getEnum().get(0));
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getProperties() != null ? "object" : schema.getItems() != null ? "array" : "string";
        switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (schema.getProperties() != null) {
                    for (Map.Entry<String, Schema> p : schema.getProperties().entrySet()) {
                        object.put(p.getKey(), sample(p.getKey(), p.getValue(), template, fixture, depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                List<Object> list = new ArrayList<>();
                list.add(sample(name, schema.getItems(), template, fixture, depth + 1));
                return list;
            }
            case "integer", "number" -> {
                return 1;
            }
            case "boolean" -> {
                return false;
            }
            default -> {
                if ("date-time".equals(schema.getFormat()) || lower.endsWith("at")) {
                    return OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
                }
                return "x";
            }
        }
    }

    /** The path and query of a case, encoded. */
    static String uri(Case c) {
        String path = c.template();
        for (Map.Entry<String, Object> p : c.pathParams().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", encode(p.getValue()));
        }
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, Object> q : c.query().entrySet()) {
            query.append(query.isEmpty() ? "?" : "&").append(encode(q.getKey())).append('=').append(encode(q.getValue()));
        }
        return path + query;
    }

    /** Sends one case; null when the HTTP client refuses to send it (a header value it will not write). */
    HttpResponse<String> send(Case c) throws IOException, InterruptedException {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(server.getURI() + uri(c)))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN);
            for (Map.Entry<String, Object> h : c.headers().entrySet()) {
                request.header(h.getKey(), String.valueOf(h.getValue()));
            }
        } catch (IllegalArgumentException unsendable) {
            return null;
        }
        String body = c.body() == null ? null : JSON.writeValueAsString(c.body());
        request.method(c.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String encode(Object value) {
        String text = value == null ? "" : value instanceof String s ? s : String.valueOf(value);
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text.replace("\u0000", "\\0");
    }

    /**
     * Every table's row count and a hash over all its rows (order-free: the sum of one hash per row, each row's columns
     * joined), so that an insert, an update or a delete anywhere shows.
     */
    Map<String, String> fingerprint(Connection db) throws SQLException {
        boolean postgres = db.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        String schema = postgres ? "public" : "PUBLIC";
        Map<String, List<String>> columns = new TreeMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = '" + schema
                        + "' AND table_name NOT LIKE 'flyway%' ORDER BY table_name, ordinal_position")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> table : columns.entrySet()) {
            String joined = table.getValue().stream().map(c -> "\"" + c + "\"").reduce((a, b) -> a + ", " + b).orElseThrow();
            String rowHash = postgres ? "hashtext(concat_ws('|', " + joined + "))" : "ORA_HASH(CONCAT_WS('|', " + joined + "))";
            parts.add("SELECT '" + table.getKey() + "', COUNT(*), COALESCE(SUM(CAST(" + rowHash + " AS BIGINT)), 0) FROM \""
                    + table.getKey() + "\"");
        }
        Map<String, String> fingerprint = new TreeMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(String.join(" UNION ALL ", parts))) {
            while (rs.next()) {
                fingerprint.put(rs.getString(1), rs.getLong(2) + "/" + rs.getLong(3));
            }
        }
        return fingerprint;
    }

    static String difference(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changed = new TreeMap<>();
        after.forEach((table, value) -> {
            if (!value.equals(before.get(table))) {
                changed.put(table, before.get(table) + " -> " + value);
            }
        });
        return changed.toString();
    }
}
