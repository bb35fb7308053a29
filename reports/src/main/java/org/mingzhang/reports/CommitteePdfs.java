package org.mingzhang.reports;

import org.mingzhang.reports.CommitteeDocuments.Gathered;

/**
 * The committee's documents rendered as PDFs from their gathered models. Rendering reads nothing but the model, so the
 * same model gives the same bytes: no clock, no randomness, the document ID derived from the content.
 */
public final class CommitteePdfs {

    private CommitteePdfs() {
    }

    /** 《社区基金项目计划书》. */
    public static byte[] plan(Gathered<PlanDocument> plan) {
        return PlanPdf.render(plan);
    }

    /** 《社区基金项目结项报告》. */
    public static byte[] closingReport(Gathered<ClosingDocument> report) {
        return ClosingReportPdf.render(report);
    }

    /** 公示: a fund's sources and uses of a period. */
    public static byte[] disclosure(Gathered<DisclosureDocument> disclosure) {
        return DisclosurePdf.render(disclosure);
    }
}
