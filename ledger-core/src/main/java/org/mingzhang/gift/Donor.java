package org.mingzhang.gift;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A donor as the gift records them. Personal data (phone, ID number) is kept for receipts and for
 * telling donors apart; public pages never show it.
 *
 * @param anonymous the donor gave anonymously: receipts and disclosures name no one
 * @param publicNameConsent the donor agreed to be named in public (an enterprise's name shows only then)
 */
public record Donor(String name, DonorKind kind, String phone, String idNumber, String creditCode, boolean anonymous,
                    boolean publicNameConsent) {

    public static final int FIELD_LENGTH_MAX = 100;

    public Donor {
        if (name == null || name.isBlank() || name.length() > FIELD_LENGTH_MAX || kind == null) {
            throw new IllegalArgumentException("a donor has a name of 1 to " + FIELD_LENGTH_MAX + " characters and a kind");
        }
        for (String field : new String[] {phone, idNumber, creditCode}) {
            if (field != null && (field.isBlank() || field.length() > FIELD_LENGTH_MAX)) {
                throw new IllegalArgumentException("donor identifiers have 1 to " + FIELD_LENGTH_MAX + " characters");
            }
        }
    }

    /**
     * Who this donor is, for caps and abuse signals: the same donor when the ID number or credit code
     * match, else the phone, else the name (compared after Unicode normalisation, without spaces). The key
     * is a SHA-256 of that value behind its kind ({@code id:…}), so it has a fixed length and repeats no
     * personal data.
     */
    public String key() {
        if (idNumber != null) {
            return "id:" + digest(idNumber);
        }
        if (creditCode != null) {
            return "cc:" + digest(creditCode);
        }
        if (phone != null) {
            return "ph:" + digest(phone);
        }
        return "nm:" + digest(name);
    }

    /** Names the donor for logs without their personal data: 张*明, and the identifiers masked. */
    @Override
    public String toString() {
        return "Donor[" + masked(name) + ", " + kind + (phone != null ? ", phone ***" : "") + (idNumber != null ? ", ID ***" : "")
                + (creditCode != null ? ", credit code ***" : "") + (anonymous ? ", anonymous" : "") + "]";
    }

    /**
     * A person's name as the public and the logs may see it: the first and last characters kept, every other one a star,
     * by code point (张三明 → 张*明, 张三 → 张*, 欧阳小明 → 欧**明, 张 → *).
     */
    public static String masked(String name) {
        int[] cps = name.codePoints().toArray();
        if (cps.length <= 1) {
            return "*";
        }
        StringBuilder out = new StringBuilder().appendCodePoint(cps[0]);
        for (int i = 1; i < cps.length - 1; i++) {
            out.append('*');
        }
        return cps.length == 2 ? out.append('*').toString() : out.appendCodePoint(cps[cps.length - 1]).toString();
    }

    private static String digest(String s) {
        return new org.mingzhang.journal.Canonical().add(normalise(s)).sha256();
    }

    private static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
