package org.mingzhang.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mingzhang.disclosure.DocumentNumbers;
import org.mingzhang.project.Closing;
import org.mingzhang.project.CompleteProject;
import org.mingzhang.project.DisposeLeftover;
import org.mingzhang.project.LeftoverDisposition;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.reports.CommitteeDocuments.Gathered;

/**
 * The committee's three documents rendered from a real ledger on H2: the worked example of {@link ProjectReportsTest}
 * (楼道照明改造, 3,600.00 raised from 4 donors, matched 800.00, 4,100.00 paid, 120.00 returned, accepted). Each PDF is read
 * back as a reader would: its text extracted with PDFBox, its fonts checked for embedding, each page rendered to an
 * image; and each is rendered twice to show that the same books give the same bytes. The PDFs are also written to
 * {@code target/pdf-samples} for a person to look at.
 */
class CommitteePdfsTest {

    static final String PUBLIC = "https://mingzhang.example.org";
    /** The donors' phone numbers and the company's credit code in the worked example: none may reach paper. */
    static final List<String> PERSONAL = List.of("13800000001", "13800000002", "91370000MA3C000001", "王芳", "李明");

    final ProjectReportsTest example = new ProjectReportsTest();
    CommitteeDocuments documents;

    @BeforeEach
    void open() {
        example.open();
        documents = new CommitteeDocuments(example.database.projectStore(), example.database.projectSheets(),
                example.database.projectGiving(), example.database.matchingReads(example.ledger), example.database.matchingStore(),
                example.database.needStore(), example.database.giftStore(), example.ledger.reads(), PUBLIC + "/");
    }

    @AfterEach
    void close() {
        example.close();
    }

    void accepted() {
        ProjectReportsTest.Running run = example.running();
        example.pay(run.unpaid());
        example.book(new CompleteProject(ProjectReportsTest.WANG, example.code("P"), new Closing("36 盏感应灯已安装，楼道夜间照明恢复",
                List.of("已更换36盏", "6月28日完工"), ProjectReportsTest.WANG)));
        example.book(new DisposeLeftover(ProjectReportsTest.LI, example.code("P"), LeftoverDisposition.RETURN_TO_FUND, null,
                "结余退回社区基金"));
        example.book(new TransitionProject(ProjectReportsTest.LI, example.code("P"), ProjectTransition.ACCEPT, "验收合格"));
    }

    @Nested
    @DisplayName("when the worked example's project is accepted")
    class Accepted {

        @Test
        @DisplayName("then the plan shows the plan's figures, its rule in words, the approval and the blocks to sign")
        void plan() throws IOException {
            accepted();
            Gathered<PlanDocument> plan = documents.plan(example.code("P")).orElseThrow();
            byte[] pdf = CommitteePdfs.plan(plan);
            String text = read(pdf, "plan");

            assertThat(text).contains("社区基金项目计划书", "楼道照明改造", "幸福社区基金", "便民维修", "第1版", "4,500.00",
                    "肆仟伍佰元整", "感应灯具", "3,000.00", "按36盏估价", "安装人工", "1,500.00", "五月采购，六月安装", "张主任",
                    "2026年4月1日", "募集总额不足3,000.00元的，配捐20%；达到3,000.00元的，配捐30%", "单笔捐赠计入配捐基数不超过1,500.00元",
                    "每个项目配捐不超过800.00元", "李委员", "同意", "项目负责人签字", "社区（居委会）盖章", "基金管理委员会意见",
                    plan.provenance().number(), PUBLIC + "/?doc=" + plan.provenance().number());
            assertThat(text).containsPattern("第1页共\\d+页");
            assertThat(plan.provenance().publicUrl()).isEqualTo(PUBLIC + "/?doc=" + plan.provenance().number());
            assertThat(CommitteePdfs.plan(documents.plan(example.code("P")).orElseThrow())).as("the same books, the same bytes")
                    .isEqualTo(pdf);
        }

        @Test
        @DisplayName("then the closing report shows every source and use, the lines against the plan, the payments and the acceptance")
        void closingReport() throws IOException {
            accepted();
            Gathered<ClosingDocument> report = documents.closingReport(example.code("P")).orElseThrow();
            byte[] pdf = CommitteePdfs.closingReport(report);
            String text = read(pdf, "closing-report");

            assertThat(text).contains("社区基金项目结项报告", "已结项验收", "已更换36盏", "6月28日完工", "36盏感应灯已安装",
                    // raised, its sources, the match, the fee, the payments, the leftover and what is held
                    "3,600.00", "4位捐赠人", "银行转账·企业", "2,000.00", "微信支付·个人", "800.00", "4,400.00",
                    "肆仟肆佰元整", "180.00", "4,100.00", "120.00", "结余退回社区基金", "转回基金非限定性资金",
                    // the lines: planned, actual, difference and why
                    "2,500.00", "-500.00", "+100.00", "人工费上涨", "预算与实际对比",
                    // the match explained
                    "3,100.00", "930.00", "项目封顶扣除", "130.00",
                    "李委员", "验收合格", "基金管理委员会验收意见", report.provenance().head().hash());
            assertThat(text).containsPattern("第1页共\\d+页");
            assertThat(CommitteePdfs.closingReport(documents.closingReport(example.code("P")).orElseThrow())).isEqualTo(pdf);
        }

        @Test
        @DisplayName("then the disclosure lists the gifts with donors masked, the payments, the balances that add up and the project")
        void disclosure() throws IOException {
            accepted();
            Gathered<DisclosureDocument> d = documents.disclosure(example.code("COMM"), LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 12, 31)).orElseThrow();
            byte[] pdf = CommitteePdfs.disclosure(d);
            String text = read(pdf, "disclosure");

            DisclosureDocument m = d.model();
            assertThat(m.gifts()).extracting(DisclosureDocument.GiftLine::donor)
                    .containsExactlyInAnyOrder("某超市", "李*", "王*", "王*", "居委会义卖");
            assertThat(m.giftsFen()).isEqualTo(3_600_00);
            assertThat(m.paymentsFen()).isEqualTo(4_100_00);
            assertThat(m.opening().netAssetsFen() + m.giftsFen() - m.paymentsFen() + m.otherChangesFen())
                    .isEqualTo(m.closing().netAssetsFen());
            assertThat(text).contains("收支公示", "2026年1月1日至2026年12月31日", "某超市", "李*", "王*", "3,600.00", "4,100.00",
                    "楼道照明改造", "已结项验收", "公示单位");
            assertThat(text).containsPattern("第1页共\\d+页");
            assertThat(CommitteePdfs.disclosure(documents.disclosure(example.code("COMM"), LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 12, 31)).orElseThrow())).isEqualTo(pdf);
        }

        @Test
        @DisplayName("then another booking anywhere gives the plan another number but the same content digest")
        void numbers() {
            accepted();
            Provenance before = documents.plan(example.code("P")).orElseThrow().provenance();
            example.deposit("COMM", 1_00);
            Provenance after = documents.plan(example.code("P")).orElseThrow().provenance();

            assertThat(DocumentNumbers.wellFormed(before.number())).isTrue();
            assertThat(before.number()).startsWith("MZP-").isNotEqualTo(after.number());
            assertThat(after.contentDigest()).isEqualTo(before.contentDigest());
            assertThat(after.head().transactionId()).isGreaterThan(before.head().transactionId());
        }
    }

    @Test
    @DisplayName("when a project is only submitted then it has a plan but no closing report")
    void submittedHasNoClosingReport() {
        example.funds();
        example.book(new org.mingzhang.project.CreateProject(ProjectReportsTest.WANG, example.code("P"), example.code("COMM"),
                example.plan(null)));
        assertThat(documents.plan(example.code("P"))).isPresent();
        assertThatThrownBy(() -> documents.closingReport(example.code("P")))
                .isInstanceOf(CommitteeDocuments.NotAvailableException.class).hasMessageContaining("DRAFT");
        assertThat(documents.closingReport("NO-SUCH")).isEmpty();
    }

    /**
     * The PDF's text as PDFBox extracts it, after checking what a reader relies on: every font embedded, no personal
     * identifier anywhere, every page renders to a picture with ink on it. Writes the PDF to target/pdf-samples.
     */
    static String read(byte[] pdf, String name) throws IOException {
        Path dir = Path.of("target", "pdf-samples");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isPositive();
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                PDPage page = doc.getPage(i);
                for (var fontName : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(fontName);
                    assertThat(font.isEmbedded()).as("font %s on page %d is embedded", font.getName(), i + 1).isTrue();
                }
                BufferedImage image = renderer.renderImageWithDPI(i, 36);
                assertThat(inked(image)).as("page %d has ink on it", i + 1).isGreaterThan(100);
            }
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).as("no personal identifier is printed").doesNotContain(PERSONAL);
            assertThat(text).contains("第 " + doc.getNumberOfPages() + " 页 共 " + doc.getNumberOfPages() + " 页");
            // Lines wrap where the column ends: the checks read the text as one run, without the breaks and spaces.
            return text.replaceAll("\\s+", "");
        }
    }

    private static int inked(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 3 * 128) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
