package org.mingzhang.reports.pdf;

import java.util.List;
import java.util.Objects;

/**
 * One box of a signature block ({@link PdfReport#signatures}): a bold label ("项目负责人"), optional pre-filled text
 * (a name, an opinion; null for none), and the lines to be filled by hand, one per entry, drawn at the bottom of the
 * box. In a blank, every '_' is drawn as a ruled gap half an em wide (so "日期：____年__月__日" draws rules for the
 * year, month and day), and a blank without any '_' is followed by a rule to the right edge of the box ("签字：").
 */
public record SignatureBox(String label, String prefilled, List<String> blanks) {

    /** The blanks of most boxes: a signature line and a date. */
    public static final List<String> SIGN_AND_DATE = List.of("签字：", "日期：________年____月____日");

    public SignatureBox {
        Objects.requireNonNull(label, "label");
        blanks = List.copyOf(blanks);
    }

    /** A box with the signature and date blanks. */
    public static SignatureBox signAndDate(String label, String prefilled) {
        return new SignatureBox(label, prefilled, SIGN_AND_DATE);
    }
}
