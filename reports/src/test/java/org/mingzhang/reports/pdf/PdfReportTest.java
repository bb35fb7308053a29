package org.mingzhang.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PdfReportTest {

    private static String text(byte[] pdf, int firstPage, int lastPage) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(firstPage);
            stripper.setEndPage(lastPage);
            return stripper.getText(doc);
        }
    }

    private static String text(byte[] pdf) throws Exception {
        return text(pdf, 1, Integer.MAX_VALUE);
    }

    private static int pages(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    @Test
    @DisplayName("when the sample is read back then its Chinese text extracts: a heading, a cell, the footer, a 大写 amount")
    void textExtracts() throws Exception {
        byte[] pdf = Samples.toolkitSample();
        int pages = pages(pdf);
        String all = text(pdf);
        assertThat(all).contains("二、执行情况说明", "幸福里社区楼道照明改造（第一期）", "明达建材有限公司", "3,439,620.50",
                Amounts.capital(2_345_678), "第 1 页 共 " + pages + " 页", "第 " + pages + " 页 共 " + pages + " 页",
                "MZ-2026-0001");
        assertThat(text(pdf, 1, 1)).contains("幸福里社区楼道照明改造项目结项报告").contains("预算", "实际");
    }

    @Test
    @DisplayName("when a table runs over the page then the next page repeats its header and marks the caption（续）")
    void tableContinues() throws Exception {
        PdfReport report = PdfReport.a4(Samples.info());
        report.table(Samples.expenseTable(120, "表1　支出明细"));
        byte[] pdf = report.finish();
        assertThat(pages(pdf)).isGreaterThan(2);
        assertThat(text(pdf, 1, 1)).contains("表1　支出明细").doesNotContain("（续）").contains("凭证号", "金额（元）");
        String second = text(pdf, 2, 2);
        assertThat(second).contains("表1　支出明细（续）", "凭证号", "金额（元）");
        // Every row appears exactly once across the pages: none lost or drawn twice at a page break. (Row 1's voucher
        // number is also the document number in every footer.)
        String all = text(pdf);
        for (int i = 2; i <= 120; i++) {
            String number = String.format("MZ-2026-%04d", i);
            assertThat(all.split(number, -1)).as(number).hasSize(2);
        }
    }

    @Test
    @DisplayName("when a single row is taller than a page then its lines are split across pages and none is lost")
    void hugeRowSplits() throws Exception {
        StringBuilder tall = new StringBuilder();
        for (int i = 1; i <= 90; i++) {
            tall.append("第").append(i).append("行说明\n");
        }
        PdfReport report = PdfReport.a4(Samples.info());
        report.table(new Table("长单元格", List.of(new Table.Column("项目", 1, Table.Align.LEFT),
                new Table.Column("说明", 3, Table.Align.LEFT)), List.of(Table.Row.of("甲", tall.toString().strip()))));
        byte[] pdf = report.finish();
        assertThat(pages(pdf)).isEqualTo(2);
        String all = text(pdf);
        assertThat(all).contains("第1行说明", "第90行说明", "长单元格（续）");
    }

    @Test
    @DisplayName("when the same calls are made a second later then the PDF is byte for byte the same")
    void deterministic() throws Exception {
        byte[] first = Samples.toolkitSample();
        Thread.sleep(1100);
        byte[] second = Samples.toolkitSample();
        assertThat(second).isEqualTo(first);
        try (PDDocument doc = Loader.loadPDF(first)) {
            var id = doc.getDocument().getTrailer().getCOSArray(COSName.ID);
            assertThat(id.size()).isEqualTo(2);
            assertThat(id.getObject(0)).isEqualTo(id.getObject(1));
            assertThat(id.getObject(0).toString()).doesNotContain("PLACEHOLDER");
            assertThat(doc.getDocumentInformation().getProducer()).isEqualTo("Mingzhang");
            assertThat(doc.getDocumentInformation().getCreationDate()).isNull();
            assertThat(doc.getDocumentInformation().getModificationDate()).isNull();
        }
        PdfReport other = PdfReport.a4(Samples.info());
        other.paragraph("另一份文件");
        try (PDDocument a = Loader.loadPDF(first); PDDocument b = Loader.loadPDF(other.finish())) {
            assertThat(a.getDocument().getTrailer().getCOSArray(COSName.ID).getObject(0))
                    .isNotEqualTo(b.getDocument().getTrailer().getCOSArray(COSName.ID).getObject(0));
        }
    }

    @Test
    @DisplayName("when the saved PDF is read back then every font on every page is an embedded subset")
    void fontsEmbedded() throws Exception {
        try (PDDocument doc = Loader.loadPDF(Samples.toolkitSample())) {
            int fonts = 0;
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC-.*");
                    fonts++;
                }
            }
            assertThat(fonts).isGreaterThanOrEqualTo(doc.getNumberOfPages());
        }
    }

    @Test
    @DisplayName("when text has characters the fonts lack, controls or unassigned code points then □ is drawn, no exception")
    void missingGlyphs() throws Exception {
        int missing = ReportFonts.shared().has(0x1F600) ? 0x2A6D6 : 0x1F600;
        assertThat(ReportFonts.shared().has(missing)).isFalse();
        assertThat(ReportFonts.shared().has('明')).isTrue();
        String odd = "笑" + Character.toString(missing) + "脸\u0007铃\uFFFF止";
        PdfReport report = PdfReport.a4(Samples.info());
        report.heading(odd);
        report.paragraph(odd);
        report.table(new Table(List.of(new Table.Column("列", 1, Table.Align.LEFT)), List.of(Table.Row.of(odd))));
        byte[] pdf = report.finish();
        assertThat(text(pdf)).contains("笑□脸□铃□止");
    }

    @Test
    @DisplayName("when the verification page is rendered then its QR code scans back to the text")
    void qrScans() throws Exception {
        String url = "https://mingzhang.example.org/v/MZ-2026-0001?h=3f9a1c0b7e2d4a65";
        PdfReport report = PdfReport.a4(Samples.info());
        report.heading("核验");
        report.verification(url, List.of("扫码核对", "文件编号：MZ-2026-0001"));
        byte[] pdf = report.finish();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImage(0, 2f);
            Result result = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new Luminance(image))),
                    Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                            DecodeHintType.TRY_HARDER, Boolean.TRUE));
            assertThat(result.getText()).isEqualTo(url);
        }
    }

    @Test
    @DisplayName("when a chart has zeros, negatives, long names or a hundred budget lines then it is drawn, in parts")
    void chartEdges() throws Exception {
        PdfReport report = PdfReport.a4(Samples.info());
        report.chart(new BarChart("零与负数", "元", List.of("甲", "乙", "丙"), List.of(
                new BarChart.Series("预算", new long[] {0, 0, 0}), new BarChart.Series("实际", new long[] {0, 0, 0}))));
        report.chart(new BarChart("负数", "元", List.of("退款冲销", "乙", "一个很长很长很长很长很长很长的预算科目名称"), List.of(
                new BarChart.Series("预算", new long[] {100_000, 50_000, 20_000}),
                new BarChart.Series("实际", new long[] {-30_000, 55_000, 0}))));
        report.chart(Samples.budgetChart(100));
        report.chart(new BarChart("无科目", "元", List.of(), List.of(new BarChart.Series("预算", new long[0]))));
        byte[] pdf = report.finish();
        String all = text(pdf);
        assertThat(all).contains("-300", "（1/9）", "（9/9）", "一个很长");
        assertThat(pages(pdf)).isBetween(3, 6);
    }

    @Test
    @DisplayName("when a chart's nice step is chosen then the axis gets four to six gridline values")
    void niceSteps() {
        long[][] ranges = {{0, 530_000}, {0, 100}, {0, 99_999_999}, {-30_000, 100_000}, {0, 123_456_789_012L},
                {-5_000_000, 0}, {0, 600_000}, {0, 3}, {-1, 1}};
        for (long[] range : ranges) {
            long step = BarCharts.niceStep(range[0], range[1]);
            long top = -Math.floorDiv(-range[1], step) * step;
            long bottom = Math.floorDiv(range[0], step) * step;
            long values = (top - bottom) / step + 1;
            assertThat(values).as("%d..%d step %d", range[0], range[1], step).isBetween(3L, 6L);
        }
        assertThat(BarCharts.wan(12_345_678)).isEqualTo("12.35");
        assertThat(BarCharts.wan(120_000_000)).isEqualTo("120");
        assertThat(BarCharts.wan(1_500_000)).isEqualTo("1.5");
    }

    @Test
    @DisplayName("when a table of 5,000 rows is built then it stays small and ends with its total")
    void largeTable() throws Exception {
        // How long it takes is measured by bench/reports/run-report-bench.sh, not asserted here (docs/benchmarks.md).
        Table table = Samples.expenseTable(5_000, "支出明细");
        PdfReport report = PdfReport.a4(Samples.info());
        report.table(table);
        byte[] pdf = report.finish();
        Samples.write("table-5000.pdf", pdf);
        assertThat(pdf.length).isLessThan(400 * 1024);
        assertThat(text(pdf, pages(pdf), pages(pdf))).contains("合计");
    }

    @Test
    @DisplayName("when a document is finished then the builder refuses further use")
    void finishOnce() {
        PdfReport report = PdfReport.a4(Samples.info());
        report.paragraph("一");
        report.finish();
        assertThatThrownBy(report::finish).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(report::pageBreak).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("when documents are built on several threads at once then each is whole and identical to a lone one")
    void concurrent() throws Exception {
        byte[] alone = Samples.toolkitSample();
        List<Thread> threads = new ArrayList<>();
        byte[][] results = new byte[6][];
        for (int i = 0; i < results.length; i++) {
            int slot = i;
            threads.add(Thread.ofPlatform().start(() -> results[slot] = Samples.toolkitSample()));
        }
        for (Thread t : threads) {
            t.join();
        }
        for (byte[] result : results) {
            assertThat(result).isEqualTo(alone);
        }
    }

    /** Luminance of a rendered page, so the test needs ZXing's core only. */
    private static final class Luminance extends LuminanceSource {
        private final byte[] pixels;

        Luminance(BufferedImage image) {
            super(image.getWidth(), image.getHeight());
            pixels = new byte[image.getWidth() * image.getHeight()];
            int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            for (int i = 0; i < rgb.length; i++) {
                int r = rgb[i] >> 16 & 0xff;
                int g = rgb[i] >> 8 & 0xff;
                int b = rgb[i] & 0xff;
                pixels[i] = (byte) ((r * 299 + g * 587 + b * 114) / 1000);
            }
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            byte[] out = row != null && row.length >= getWidth() ? row : new byte[getWidth()];
            System.arraycopy(pixels, y * getWidth(), out, 0, getWidth());
            return out;
        }

        @Override
        public byte[] getMatrix() {
            return pixels;
        }
    }
}
