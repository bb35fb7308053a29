package org.mingzhang.disclosure;

/** The documents the federation issues to fund committees and the public; each has its title as printed. */
public enum DocumentKind {
    /** 社区基金项目计划书: what the committee approves before fundraising. */
    PLAN("社区基金项目计划书", "P"),
    /** 社区基金项目结项报告: what the committee accepts when the work is done. */
    CLOSING_REPORT("社区基金项目结项报告", "C"),
    /** 公示: a fund's sources and uses of a period, for the notice board. */
    DISCLOSURE("社区基金收支公示", "D");

    private final String title;
    private final String numberPrefix;

    DocumentKind(String title, String numberPrefix) {
        this.title = title;
        this.numberPrefix = numberPrefix;
    }

    public String title() {
        return title;
    }

    /** The letter a document number starts with after "MZ", so that a number says what kind of document it is. */
    public String numberPrefix() {
        return numberPrefix;
    }
}
