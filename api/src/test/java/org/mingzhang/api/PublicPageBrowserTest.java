package org.mingzhang.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.money.Money;

/**
 * The public page in headless Chromium (issue 13, "done means"): the service runs on a random port on H2, the scenario
 * is booked through the staff API and a checkpoint published; then a phone (390 px) and a desktop open
 * {@code /?code=…} and the rendered page shows the amount, the project, the flow picture drawn by ECharts with its links,
 * and "已验证" from the browser's own check of the proof. The same page fed a changed answer (a DevTools script swaps the
 * trace answer before the page reads it; nothing in the served page allows it) says 校验失败 and which check failed, and
 * verify.js alone refuses each kind of tampering. Projects, funds and documents open from their QR-code addresses.
 * Screenshots land in api/target/screenshots.
 */
@MicronautTest
@DisplayName("The public page in headless Chromium")
class PublicPageBrowserTest extends PublicTestBase {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Path SHOTS = Path.of("target", "screenshots");

    @Inject
    EmbeddedServer server;

    Seeded seeded;
    String base;
    long checkpointSize;
    Browser phone;

    @BeforeAll
    void bookAndOpen() {
        Browser.requireInstalled();
        seeded = seed();
        ok(api().post("/api/v1/ledger/checkpoints").as(accountant).send(), 201);
        ApiClient.Reply checkpoint = api().get("/api/v1/public/checkpoint").send();
        checkpointSize = Long.parseLong(checkpoint.body().split("\n")[1]);
        base = "http://127.0.0.1:" + server.getPort();
        phone = Browser.phone();
    }

    @AfterAll
    void closeBrowser() {
        if (phone != null) {
            phone.close();
        }
    }

    String traceOf1500() {
        return seeded.traceCodes().get("1500.00");
    }

    JsonNode trace(String code) {
        return ok(api().get("/api/v1/public/trace/" + code).send(), 200);
    }

    /** The links the flow picture must draw: each use's parts from gift and match, and what is unspent of each. */
    static int expectedLinks(JsonNode t) {
        int links = 0;
        long usedGift = 0;
        for (JsonNode u : t.get("uses")) {
            links += fen(u.get("fromGift")) > 0 ? 1 : 0;
            links += fen(u.get("fromMatch")) > 0 && fen(t.get("match").get("amount")) > 0 ? 1 : 0;
            usedGift += fen(u.get("fromGift"));
        }
        long unspent = fen(t.get("unspent"));
        if (unspent > 0) {
            long giftLeft = Math.max(0, Math.min(unspent, fen(t.get("donation").get("amount")) - fen(t.get("donation").get("refunded"))
                    - usedGift));
            links += giftLeft > 0 ? 1 : 0;
            links += unspent - giftLeft > 0 ? 1 : 0;
        }
        return links;
    }

    static long fen(JsonNode amount) {
        return Money.parse(amount.asText()).fen();
    }

    /** Asserts the gift page as rendered: amount, project, flow picture, verified proof; nothing planted on it. */
    void assertGiftPage(Browser browser, String code, String shot) {
        JsonNode t = trace(code);
        browser.consoleErrors(); // what earlier pages of a shared browser logged
        browser.go(base + "/?code=" + code.toLowerCase());
        String verdict = browser.awaitText("#proof-result", s -> !s.startsWith("正在"), WAIT);
        assertEquals("已验证：包含在检查点 " + checkpointSize + "（共 " + checkpointSize + " 笔）中", verdict, browser::bodyText);
        assertEquals("¥1,500.00元", browser.text("#gift-amount").orElseThrow());
        assertEquals("天星社区道路硬化", browser.text("#gift-project").orElseThrow());
        assertTrue(browser.bodyText().contains("王*英"), "the donor, masked");
        browser.awaitAttribute("#flow", "data-rendered", "true", WAIT);
        int links = expectedLinks(t);
        assertTrue(links >= 3, "the scenario's gift flows to the payment and is partly unspent, with its match: " + t);
        assertEquals(String.valueOf(links), browser.attribute("#flow", "data-links").orElseThrow(), "ECharts drew every link");
        assertEquals(Money.format(fen(t.get("unspent"))), browser.text("#unspent").orElseThrow().replace("¥", "").replace(",", ""));
        browser.screenshot(SHOTS.resolve(shot));
        String html = browser.html();
        for (String secret : SECRETS) {
            assertFalse(html.contains(secret), secret + " is on the rendered page");
        }
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), "the page ran without console errors (a CSP violation is one): " + errors);
    }

    @Nested
    @DisplayName("when a donor opens /?code= of a seeded gift")
    class Gift {

        @Test
        @DisplayName("then a phone shows the amount, the project, the flow picture and 已验证 against the checkpoint")
        void onAPhone() {
            assertGiftPage(phone, traceOf1500(), "gift-390.png");
            assertEquals(390, phone.script("return window.innerWidth;").asInt(), "laid out at a phone's width");
            assertTrue(phone.script("return document.documentElement.scrollWidth <= window.innerWidth;").asBoolean(),
                    "nothing is wider than the phone");
        }

        @Test
        @DisplayName("then a desktop shows the same")
        void onADesktop() {
            try (Browser desktop = Browser.desktop(1280, 900)) {
                assertGiftPage(desktop, traceOf1500(), "gift-1280.png");
            }
        }

        @Test
        @DisplayName("then a changed answer (the amount raised by 100.00) shows 校验失败 naming the amount check")
        void tampered() {
            try (Browser browser = Browser.phone()) {
                // Before any script of the page runs: the trace answer is fetched as served, then its amount changed.
                browser.devTools("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                        const realFetch = window.fetch.bind(window);
                        window.fetch = async (url, init) => {
                          const r = await realFetch(url, init);
                          if (!String(url).includes('/api/v1/public/trace/') || r.status !== 200) { return r; }
                          const t = await r.json();
                          t.donation.amount = '1600.00';
                          return new Response(JSON.stringify(t), {status: 200, headers: {'Content-Type': 'application/json'}});
                        };
                        """));
                browser.go(base + "/?code=" + traceOf1500());
                String verdict = browser.awaitText("#proof-result", s -> !s.startsWith("正在"), WAIT);
                assertEquals("校验失败：捐赠金额", verdict, browser::bodyText);
                assertEquals("failed", browser.attribute(".proof", "data-proof").orElseThrow());
                assertTrue(browser.bodyText().contains("页面显示 1600.00 元"), browser::bodyText);
                browser.screenshot(SHOTS.resolve("gift-tampered-390.png"));
            }
        }

        @Test
        @DisplayName("then a gift booked after the last checkpoint shows its hash checked and waits for the next checkpoint")
        void notYetInACheckpoint() {
            String code = give(seeded.fund(), null, "50.00", CONSENTING);
            phone.go(base + "/?code=" + code);
            String verdict = phone.awaitText("#proof-result", s -> !s.startsWith("正在"), WAIT);
            assertTrue(verdict.startsWith("已入账，尚未纳入检查点"), verdict);
            assertEquals("pending", phone.attribute(".proof", "data-proof").orElseThrow());
            assertEquals("¥50.00元", phone.text("#gift-amount").orElseThrow());
        }

        @Test
        @DisplayName("then an unknown code says so in plain Chinese")
        void unknown() {
            phone.go(base + "/?code=7K2M-9QXD-4HTA");
            assertEquals("没有找到这笔捐赠", phone.awaitText(".error h2", s -> !s.isEmpty(), WAIT));
        }
    }

    @Nested
    @DisplayName("when verify.js alone checks a real answer and changed copies of it")
    class Verifier {

        @Test
        @DisplayName("then the real one verifies and each change fails the check it touches")
        void eachTampering() {
            phone.go(base + "/");
            JsonNode results = phone.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    (async () => {
                      const trace = await (await fetch('/api/v1/public/trace/' + arguments[0])).json();
                      const key = await (await fetch('/api/v1/public/key')).text();
                      const copy = () => JSON.parse(JSON.stringify(trace));
                      const flip = (s, i) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
                      const cases = {
                        asServed: [copy(), key],
                        amount: [(() => { const t = copy(); t.donation.amount = '1500.01'; return t; })(), key],
                        memo: [(() => { const t = copy(); t.proof.transaction.memo += ' '; return t; })(), key],
                        leg: [(() => { const t = copy(); t.proof.transaction.legs[0].amountFen += 1; return t; })(), key],
                        hash: [(() => { const t = copy(); t.proof.transactionHash = '0'.repeat(64); return t; })(), key],
                        path: [(() => { const t = copy(); t.proof.inclusion[0] = btoa('x'.repeat(32)); return t; })(), key],
                        leafIndex: [(() => { const t = copy(); t.proof.leafIndex += 1; return t; })(), key],
                        treeSize: [(() => { const t = copy(); t.proof.treeSize += 1; return t; })(), key],
                        signature: [(() => { const t = copy(); const c = t.proof.checkpoint;
                          t.proof.checkpoint = flip(c, c.length - 10); return t; })(), key],
                        root: [(() => { const t = copy(); const lines = t.proof.checkpoint.split('\\n');
                          lines[2] = btoa('y'.repeat(32)); t.proof.checkpoint = lines.join('\\n'); return t; })(), key],
                        otherKey: [copy(), key.replace(/^[^+]+/, 'someone-else')]
                      };
                      const out = {};
                      for (const [name, [t, k]] of Object.entries(cases)) {
                        const r = await MingzhangVerify.verify(t, k);
                        out[name] = r.status + ':' + r.checks.filter((c) => !c.ok).map((c) => c.id).join(',');
                      }
                      return out;
                    })().then(done, (e) => done({error: String(e)}));
                    """, traceOf1500());
            assertEquals("verified:", results.get("asServed").asText(), results::toString);
            assertEquals("failed:amount", results.get("amount").asText());
            assertEquals("failed:hash", results.get("memo").asText());
            assertEquals("failed:hash,amount", results.get("leg").asText());
            assertEquals("failed:hash,inclusion", results.get("hash").asText());
            assertEquals("failed:inclusion", results.get("path").asText());
            assertEquals("failed:inclusion", results.get("leafIndex").asText());
            // A path may also lead to the root from a larger size (the leaf's subtree is the same): the size check catches it.
            assertTrue(results.get("treeSize").asText().startsWith("failed:treeSize"), results::toString);
            assertTrue(results.get("signature").asText().startsWith("failed:signature"), results::toString);
            assertEquals("failed:signature,inclusion", results.get("root").asText());
            assertTrue(results.get("otherKey").asText().startsWith("failed:key"), results::toString);
        }
    }

    @Nested
    @DisplayName("when the QR codes of a project, a fund and a document are opened")
    class Others {

        @Test
        @DisplayName("then the project shows its figures and the payment's purpose, never the payee")
        void project() {
            phone.go(base + "/?project=" + seeded.project());
            assertEquals("天星社区道路硬化", phone.awaitText("#project-name", s -> !s.isEmpty(), WAIT));
            String text = phone.bodyText();
            assertTrue(text.contains("¥1,200.00") && text.contains(PURPOSE) && text.contains("¥4,600.00"), text);
            assertFalse(phone.html().contains(PAYEE));
            phone.screenshot(SHOTS.resolve("project-390.png"));
        }

        @Test
        @DisplayName("then the fund shows its months as a chart ECharts drew, and its project")
        void fund() {
            phone.go(base + "/?fund=" + seeded.fund());
            phone.awaitText("#fund-name", s -> !s.isEmpty(), WAIT);
            phone.awaitAttribute("#months", "data-rendered", "true", WAIT);
            String text = phone.bodyText();
            assertTrue(text.contains("¥5,100.00") && text.contains("天星社区道路硬化"), text);
            phone.screenshot(SHOTS.resolve("fund-390.png"));
        }

        @Test
        @DisplayName("then the plan's record links to its PDF")
        void document() {
            phone.go(base + "/?doc=" + seeded.planNumber());
            String title = phone.awaitText("#doc-title", s -> !s.isEmpty(), WAIT);
            assertTrue(title.startsWith("社区基金项目计划书"), title);
            assertEquals("/api/v1/public/documents/" + seeded.planNumber() + "/pdf", phone.attribute("#doc-pdf", "href").orElseThrow());
            List<String> shown = new ArrayList<>(List.of(phone.bodyText().split("\n")));
            assertTrue(shown.stream().anyMatch(l -> l.contains("与账本一致")), shown::toString);
        }
    }
}
