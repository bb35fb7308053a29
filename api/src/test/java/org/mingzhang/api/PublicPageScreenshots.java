package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Screenshots of the public page at phone and desktop width, for a person to look at (issue 13: "you have looked at
 * screenshots"). Not part of the suite: it runs only when given a running service and the pages to take, e.g. with the
 * demo county ({@code java -jar api/target/mingzhang.jar --demo}):
 * <pre>
 * ./mvnw -q -B -o test -pl api -Dtest=PublicPageScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dmingzhang.screenshots.base=http://127.0.0.1:8080 -Dmingzhang.screenshots.dir=/tmp/shots \
 *   "-Dmingzhang.screenshots.pages=gift:?code=MCZ4-6DVY-JGSG,project:?project=FYSQ-2026-002,fund:?fund=FYSQ"
 * </pre>
 * Each page is written as {@code <name>-390.png} (390 × 844, a phone) and {@code <name>-1280.png} (1280 × 900), after
 * the page says it finished (its charts drawn, the gift's proof checked).
 */
class PublicPageScreenshots {

    @Test
    void take() throws Exception {
        String base = System.getProperty("mingzhang.screenshots.base");
        Assumptions.assumeTrue(base != null, "screenshots are taken on request only (-Dmingzhang.screenshots.base=…)");
        Path dir = Path.of(System.getProperty("mingzhang.screenshots.dir", "target/screenshots"));
        String[] pages = System.getProperty("mingzhang.screenshots.pages", "home:").split(",");
        for (boolean phone : new boolean[] {true, false}) {
            try (Browser browser = phone ? Browser.phone() : Browser.desktop(1280, 900)) {
                for (String page : pages) {
                    String name = page.substring(0, page.indexOf(':'));
                    browser.go(base + "/" + page.substring(page.indexOf(':') + 1));
                    settle(browser);
                    Path png = dir.resolve(name + (phone ? "-390.png" : "-1280.png"));
                    browser.screenshot(png);
                    assertTrue(Files.size(png) > 1000, png + " is empty");
                    int charts = browser.script("return document.querySelectorAll('.chart').length;").asInt();
                    for (int i = 0; i < charts; i++) {
                        // Each chart on its own screen, for a closer look.
                        browser.script("document.querySelectorAll('.chart')[arguments[0]].scrollIntoView({block: 'center'});", i);
                        Thread.sleep(300);
                        browser.screenshot(dir.resolve(name + (phone ? "-390" : "-1280") + "-chart" + i + ".png"));
                        browser.script("window.scrollTo(0, 0);");
                    }
                    String full = System.getProperty("mingzhang.screenshots.full");
                    if (full != null) {
                        // The whole page in one picture: the window made as tall as the document, then shot again.
                        long height = browser.script("return document.documentElement.scrollHeight;").asLong();
                        browser.devTools("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", phone ? 390 : 1280,
                                "height", (int) height, "deviceScaleFactor", phone ? 3 : 1, "mobile", phone));
                        Thread.sleep(500);
                        browser.screenshot(dir.resolve(name + (phone ? "-390-full.png" : "-1280-full.png")));
                        browser.devTools("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
                        if (phone) {
                            browser.devTools("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 390, "height", 844,
                                    "deviceScaleFactor", 3, "mobile", true));
                        }
                    }
                }
            }
        }
    }

    /** Waits for every chart to be drawn and any proof to be checked, as the page marks them. */
    private static void settle(Browser browser) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            boolean done = browser.script("return !document.querySelector('.loading') "
                    + "&& [...document.querySelectorAll('.chart')].every(c => c.getAttribute('data-rendered')) "
                    + "&& [...document.querySelectorAll('.proof')].every(p => p.getAttribute('data-proof'));").asBoolean();
            if (done) {
                Thread.sleep(300);
                return;
            }
            Thread.sleep(100);
        }
    }
}
