package org.mingzhang.api.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The public lookup page (API.md, "Public"; issue 13), served by the jar itself: {@code /} and its few static files, read
 * from the classpath once at start and kept in memory with their gzip form, so that a phone on a slow connection gets a
 * few kilobytes of text first and ECharts (about 330 KB gzipped) only when a chart is shown. ECharts comes from its
 * WebJar on Maven Central; no npm step and no third-party request. The page's Content-Security-Policy is set for every
 * answer by {@code SecurityHeadersFilter}.
 */
@Controller
@Hidden
public final class PublicPageController {

    /** ECharts' version is in its address, so a browser may keep it for a year; a new version is a new address. */
    public static final String ECHARTS = "/static/echarts-5.3.1.min.js";
    private static final String ECHARTS_RESOURCE = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** The page's own files change with a release: a browser checks again after five minutes. */
    private static final String SHORT = "public, max-age=300";
    private static final String JS = "text/javascript; charset=utf-8";

    /** A static file: its type, how long it may be kept, and its bytes plain and gzipped. */
    private record Asset(String type, String cacheControl, byte[] plain, byte[] gzipped) {
    }

    private final Map<String, Asset> assets;

    public PublicPageController() {
        this.assets = Map.of(
                "/", asset("public/index.html", "text/html; charset=utf-8", "no-cache"),
                "/static/app.js", asset("public/app.js", JS, SHORT),
                "/static/verify.js", asset("public/verify.js", JS, SHORT),
                "/static/app.css", asset("public/app.css", "text/css; charset=utf-8", SHORT),
                ECHARTS, asset(ECHARTS_RESOURCE, JS, IMMUTABLE));
    }

    /** The page; the query ({@code ?code=}, {@code ?project=}, {@code ?fund=}, {@code ?doc=}) is read by app.js. */
    @Get("/")
    public HttpResponse<byte[]> page(@Nullable @Header(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return serve("/", acceptEncoding);
    }

    @Get("/static/app.js")
    public HttpResponse<byte[]> app(@Nullable @Header(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return serve("/static/app.js", acceptEncoding);
    }

    @Get("/static/verify.js")
    public HttpResponse<byte[]> verify(@Nullable @Header(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return serve("/static/verify.js", acceptEncoding);
    }

    @Get("/static/app.css")
    public HttpResponse<byte[]> css(@Nullable @Header(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return serve("/static/app.css", acceptEncoding);
    }

    @Get(ECHARTS)
    public HttpResponse<byte[]> echarts(@Nullable @Header(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return serve(ECHARTS, acceptEncoding);
    }

    private HttpResponse<byte[]> serve(String path, String acceptEncoding) {
        Asset a = assets.get(path);
        boolean gzip = acceptEncoding != null && acceptEncoding.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        MutableHttpResponse<byte[]> response = HttpResponse.ok(gzip ? a.gzipped() : a.plain())
                .contentType(a.type())
                .header(HttpHeaders.CACHE_CONTROL, a.cacheControl())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return gzip ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip") : response;
    }

    private static Asset asset(String resource, String type, String cacheControl) {
        try (InputStream in = PublicPageController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath: the public page cannot be served");
            }
            byte[] plain = in.readAllBytes();
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(plain);
            }
            return new Asset(type, cacheControl, plain, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
