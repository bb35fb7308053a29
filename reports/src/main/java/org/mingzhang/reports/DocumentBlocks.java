package org.mingzhang.reports;

import java.util.ArrayList;
import java.util.List;
import org.mingzhang.reports.pdf.Amounts;
import org.mingzhang.reports.pdf.ChineseDates;
import org.mingzhang.reports.pdf.DocumentInfo;
import org.mingzhang.reports.pdf.PdfReport;
import org.mingzhang.reports.pdf.SignatureBox;

/** What every committee document prints the same way: its information, amounts with their capitals, the check block. */
final class DocumentBlocks {

    private DocumentBlocks() {
    }

    static PdfReport open(Provenance p, String title, String subject) {
        return PdfReport.a4(new DocumentInfo(title, subject, p.number(), "明账 Mingzhang " + p.kind().name()));
    }

    /** 23,456.78（大写：贰万叁仟肆佰伍拾陆元柒角捌分） */
    static String yuanWithCapital(long fen) {
        return Amounts.yuan(fen) + " 元（大写：" + Amounts.capital(fen) + "）";
    }

    static String date(java.time.Instant at) {
        return at == null ? "—" : ChineseDates.date(at);
    }

    /** A heading and the signature boxes under it, on one page. */
    static void signatures(PdfReport pdf, String heading, List<SignatureBox> boxes) {
        // The heading takes about 30 pt; it must not stay behind at the foot of a page.
        pdf.keep(30 + pdf.signaturesHeightPt(boxes));
        pdf.heading(heading);
        pdf.signatures(boxes);
    }

    /** The four blocks a project document is signed and sealed in: the lead, the community, the committee, the federation. */
    static List<SignatureBox> projectSignatures(String committeeLabel) {
        return List.of(
                SignatureBox.signAndDate("项目负责人签字", null),
                new SignatureBox("社区（居委会）盖章", null, List.of("（盖章）", "日期：________年____月____日")),
                new SignatureBox(committeeLabel, null, List.of("意见：", "负责人签字：", "日期：________年____月____日")),
                new SignatureBox("慈善总会审核", null, List.of("经办人：", "（盖章）", "日期：________年____月____日")));
    }

    /**
     * The block a reader checks the paper with: the QR code of the document's public address, its number, the books it
     * shows (the chain head, in full, so that it can be compared with the public checkpoint) and when its data ended.
     */
    static void verification(PdfReport pdf, Provenance p) {
        // The heading (about 30 pt) stays with the block under it.
        pdf.keep(30 + PdfReport.verificationHeightPt());
        pdf.heading("核验信息");
        List<String> lines = new ArrayList<>();
        lines.add("文档编号：" + p.number());
        lines.add("数据截至：" + (p.dataAsOf() == null ? "账本为空" : ChineseDates.dateTime(p.dataAsOf())));
        lines.add("账本链头：第 " + p.head().transactionId() + " 笔记账凭证");
        lines.add("链头哈希：" + p.head().hash());
        lines.add("扫描二维码或访问下面的地址，可核对本文件的真伪、SHA-256 摘要及是否为最新版本：");
        lines.add(p.publicUrl());
        pdf.verification(p.publicUrl(), lines);
    }
}
