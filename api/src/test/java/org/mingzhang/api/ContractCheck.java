package org.mingzhang.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Checks every answer the API suite receives against the served OpenAPI document (issue 11: "every API test's answers
 * validate against it"), with Atlassian's swagger-request-validator: the status must be declared for the operation, and
 * the body must match the schema declared for it. A mismatch fails the test that received the answer.
 */
final class ContractCheck {

    private static volatile OpenApiInteractionValidator validator;
    static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());

    private ContractCheck() {
    }

    /** Loads the document once per test run, from the first server that serves it. */
    static void load(String document) {
        if (validator == null) {
            synchronized (ContractCheck.class) {
                if (validator == null) {
                    validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
                }
            }
        }
    }

    static boolean loaded() {
        return validator != null;
    }

    /** What is wrong with this answer, by the document, or an empty list. */
    static List<String> problems(String method, String path, int status, String contentType, String body) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = validator.validateResponse(bare, Request.Method.valueOf(method), response.build());
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            // A path or method the document does not have is a test's own probe (an unknown path, a wrong method): the
            // document is not wrong to leave it out.
            if (message.getLevel() == ValidationReport.Level.ERROR && !message.getKey().equals("validation.request.path.missing")
                    && !message.getKey().equals("validation.request.operation.notAllowed")) {
                problems.add(message.getKey() + ": " + message.getMessage());
            }
        }
        return problems;
    }
}
