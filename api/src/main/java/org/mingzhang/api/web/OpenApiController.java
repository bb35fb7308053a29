package org.mingzhang.api.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the OpenAPI document that the micronaut-openapi annotation processor generated from the
 * controllers at build time ({@code META-INF/swagger/mingzhang.yml}), so it cannot drift from the code, completed
 * with what the edge answers around every operation ({@link OpenApiDocument}).
 */
@Controller
@Hidden
public final class OpenApiController {

    static final String RESOURCE = "META-INF/swagger/mingzhang.yml";
    private static final String YAML = "application/yaml";

    private final byte[] document;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: the build did not run the OpenAPI processor");
            }
            this.document = OpenApiDocument.complete(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/openapi.yml")
    public HttpResponse<byte[]> openApi() {
        return HttpResponse.ok(document).contentType(YAML);
    }
}
