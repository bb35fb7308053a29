package org.mingzhang.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium driven through chromedriver's W3C WebDriver protocol, spoken with the JDK's HTTP client: a handful
 * of REST calls (new session, go to, run a script, screenshot, quit), so the suite needs no Selenium jars. WebDriver
 * rather than {@code chromium --dump-dom}: a test waits for what the page itself says it finished (the proof checked,
 * the chart drawn) instead of guessing a time budget, and a phone is emulated at its true width (headless Chromium's
 * window is never narrower than 500 px, so {@code --window-size=390,…} lays the page out wider than a phone).
 *
 * <p>Where Chromium or chromedriver is missing, {@link #requireInstalled()} skips the test, or fails it when the system
 * property {@code mingzhang.test.independent} is {@code required} (CI sets it): install Debian's {@code chromium} and
 * {@code chromium-driver}.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Process driver;
    private final String base;
    private final String session;

    private Browser(Process driver, String base, String session) {
        this.driver = driver;
        this.base = base;
        this.session = session;
    }

    /** Skips (or, where required, fails) the test when this machine has no Chromium or chromedriver. */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!installed && "required".equals(System.getProperty("mingzhang.test.independent"))) {
            Assertions.fail("headless Chromium is required here (mingzhang.test.independent=required) but " + CHROMIUM + " or "
                    + CHROMEDRIVER + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "no headless Chromium here (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): install Debian's chromium and chromium-driver to run the browser tests");
    }

    /** A phone: 390 × 844 CSS pixels at device pixel ratio 3, as an iPhone 12–15 lays pages out. */
    static Browser phone() {
        return open(390, 844, true);
    }

    /** A desktop window of this size. */
    static Browser desktop(int width, int height) {
        return open(width, height, false);
    }

    private static Browser open(int width, int height, boolean mobile) {
        requireInstalled();
        int port = freePort();
        Process driver;
        try {
            driver = new ProcessBuilder(CHROMEDRIVER, "--port=" + port).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = "http://127.0.0.1:" + port;
        try {
            waitUntil(() -> {
                try {
                    JsonNode status = send("GET", base + "/status", null);
                    return status.path("value").path("ready").asBoolean(false);
                } catch (RuntimeException notYet) {
                    return false;
                }
            }, Duration.ofSeconds(20), "chromedriver did not start");
            ObjectNode options = ApiClient.JSON.createObjectNode();
            options.put("binary", CHROMIUM);
            List<String> args = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=zh-CN"));
            if (mobile) {
                options.set("mobileEmulation", ApiClient.JSON.valueToTree(Map.of("deviceMetrics",
                        Map.of("width", width, "height", height, "pixelRatio", 3, "mobile", true, "touch", true))));
            } else {
                args.add("--window-size=" + width + "," + height);
            }
            options.set("args", ApiClient.JSON.valueToTree(args));
            ObjectNode body = ApiClient.JSON.createObjectNode();
            ObjectNode always = body.putObject("capabilities").putObject("alwaysMatch");
            always.put("browserName", "chrome").set("goog:chromeOptions", options);
            // The page's console (CSP violations, script errors) is kept for consoleErrors().
            always.putObject("goog:loggingPrefs").put("browser", "ALL");
            JsonNode created = send("POST", base + "/session", body);
            return new Browser(driver, base, created.path("value").path("sessionId").asText());
        } catch (RuntimeException e) {
            driver.destroyForcibly();
            throw e;
        }
    }

    /** Opens the address and waits until the document has loaded. */
    void go(String url) {
        call("POST", "/url", Map.of("url", url));
    }

    /** Runs a script in the page (WebDriver's execute, not subject to the page's CSP) and returns its value. */
    JsonNode script(String script, Object... args) {
        return call("POST", "/execute/sync", Map.of("script", script, "args", List.of(args))).path("value");
    }

    /** Runs an asynchronous script: it ends by calling {@code arguments[arguments.length - 1]} with its value. */
    JsonNode asyncScript(String script, Object... args) {
        return call("POST", "/execute/async", Map.of("script", script, "args", List.of(args))).path("value");
    }

    /** Runs a DevTools command in the page's target (chromedriver's goog/cdp/execute). */
    JsonNode devTools(String command, Map<String, Object> params) {
        return call("POST", "/goog/cdp/execute", Map.of("cmd", command, "params", params)).path("value");
    }

    /** The text of the first element the CSS selector finds, or empty. */
    Optional<String> text(String selector) {
        JsonNode v = script("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", selector);
        return v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    /** An attribute of the first element the CSS selector finds, or empty. */
    Optional<String> attribute(String selector, String name) {
        JsonNode v = script("const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
                selector, name);
        return v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    /** Waits until the element's text passes the test; returns the text. */
    String awaitText(String selector, Predicate<String> test, Duration timeout) {
        waitUntil(() -> text(selector).filter(test).isPresent(), timeout,
                () -> "the page never showed the expected text in " + selector + "; it shows: " + text(selector).orElse("(nothing)")
                        + "\npage text: " + bodyText());
        return text(selector).orElseThrow();
    }

    /** Waits until the element carries the attribute with this value. */
    void awaitAttribute(String selector, String name, String value, Duration timeout) {
        waitUntil(() -> attribute(selector, name).filter(value::equals).isPresent(), timeout,
                () -> selector + " never got " + name + "=" + value + "; it has " + attribute(selector, name).orElse("(none)")
                        + "\npage text: " + bodyText());
    }

    String bodyText() {
        return script("return document.body ? document.body.innerText : '';").asText();
    }

    /** The whole document as markup, for scanning. */
    String html() {
        return script("return document.documentElement.outerHTML;").asText();
    }

    /** Writes what the window shows as a PNG. */
    void screenshot(Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.write(png, Base64.getDecoder().decode(call("GET", "/screenshot", null).path("value").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's console messages and errors since the last call (Chromium's browser log). */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        try {
            JsonNode log = call("POST", "/se/log", Map.of("type", "browser")).path("value");
            log.forEach(e -> {
                if ("SEVERE".equals(e.path("level").asText())) {
                    errors.add(e.path("message").asText());
                }
            });
        } catch (RuntimeException unsupported) {
            // Not every chromedriver serves the log; the tests that use it say so.
        }
        return errors;
    }

    @Override
    public void close() {
        try {
            send("DELETE", base + "/session/" + session, null);
        } catch (RuntimeException ignored) {
            // The driver is ended below in any case.
        } finally {
            driver.destroy();
            try {
                driver.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            driver.destroyForcibly();
        }
    }

    private JsonNode call(String method, String path, Object body) {
        JsonNode reply = send(method, base + "/session/" + session + path, body);
        if (reply.path("value").has("error")) {
            throw new IllegalStateException("WebDriver " + path + ": " + reply.path("value").path("error").asText() + ": "
                    + reply.path("value").path("message").asText());
        }
        return reply;
    }

    private static JsonNode send(String method, String url, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
            String json = body == null ? (method.equals("POST") ? "{}" : null) : ApiClient.JSON.writeValueAsString(body);
            request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            request.header("Content-Type", "application/json; charset=utf-8");
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return ApiClient.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout, String failure) {
        waitUntil(condition, timeout, () -> failure);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout,
                                  java.util.function.Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
