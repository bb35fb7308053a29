package org.mingzhang.reports;

import java.util.ArrayList;
import java.util.List;
import org.mingzhang.matching.MatchMode;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.matching.Tier;
import org.mingzhang.reports.pdf.Amounts;
import org.mingzhang.reports.pdf.ChineseDates;

/**
 * A matching rule in the words a committee writes it ("募集总额达到3万元，配捐30%"): one sentence for the tiers, then one
 * for each cap, for gifts in kind and for the window. The words follow the rule's data, so a plan on paper says what the
 * calculator does.
 */
public final class RuleWords {

    private RuleWords() {
    }

    public static List<String> of(MatchRule rule) {
        List<String> out = new ArrayList<>();
        out.add(rule.mode() == MatchMode.FLAT ? flat(rule.tiers()) : marginal(rule.tiers()));
        if (rule.perProjectCapFen() != null) {
            out.add("每个项目配捐不超过" + amount(rule.perProjectCapFen()));
        }
        if (rule.perDonationCapFen() != null) {
            out.add("单笔捐赠计入配捐基数不超过" + amount(rule.perDonationCapFen()));
        }
        if (rule.perDonorCapFen() != null) {
            out.add("同一捐赠人计入配捐基数不超过" + amount(rule.perDonorCapFen()));
        }
        out.add(rule.inKindEligible() ? "物资捐赠按估值计入配捐基数" : "物资捐赠不计入配捐基数");
        out.add("配捐期：" + ChineseDates.date(rule.opensAt()) + "至" + ChineseDates.date(rule.closesAt()) + "收到的捐赠");
        return List.copyOf(out);
    }

    /**
     * FLAT: the reached tier's rate applies to the whole amount raised. "募集总额不足1万元的，配捐10%；达到1万元的，配捐20%；
     * 达到3万元的，配捐30%", and a first tier at 0% reads "不足1万元的不配捐".
     */
    private static String flat(List<Tier> tiers) {
        StringBuilder s = new StringBuilder("募集总额");
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = tiers.get(i);
            if (i > 0) {
                s.append("；");
            }
            if (t.minRaisedFen() == 0) {
                s.append(tiers.size() == 1 ? "" : "不足" + amount(tiers.get(1).minRaisedFen()) + "的，");
            } else {
                s.append("达到").append(amount(t.minRaisedFen())).append("的，");
            }
            s.append(t.rateBasisPoints() == 0 ? "不配捐" : "配捐" + percent(t.rateBasisPoints()));
        }
        return s.append("（按募集总额计算）").toString();
    }

    /** MARGINAL: each rate applies only to the part of the amount inside its band. */
    private static String marginal(List<Tier> tiers) {
        StringBuilder s = new StringBuilder("募集总额");
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = tiers.get(i);
            if (i > 0) {
                s.append("；");
            }
            if (i + 1 < tiers.size()) {
                long upper = tiers.get(i + 1).minRaisedFen();
                s.append(t.minRaisedFen() == 0 ? amount(upper) + "以内" : amount(t.minRaisedFen()) + "至" + amount(upper));
            } else {
                s.append(t.minRaisedFen() == 0 ? "全部" : amount(t.minRaisedFen()) + "以上");
            }
            s.append("部分配捐").append(percent(t.rateBasisPoints()));
        }
        return s.append("（分段累进计算）").toString();
    }

    /** 3,000,000 fen → 3万元; 1,500,000 → 1.5万元; 1,234,567 → 12,345.67元. */
    static String amount(long fen) {
        if (fen >= 1_000_000 && fen % 100_000 == 0) {
            long tenThousands = fen / 1_000_000;
            long tenth = (fen / 100_000) % 10;
            return tenThousands + (tenth == 0 ? "" : "." + tenth) + "万元";
        }
        return Amounts.yuan(fen) + "元";
    }

    /** 3000 → 30%, 2550 → 25.5%, 1 → 0.01%. */
    static String percent(int basisPoints) {
        String s = (basisPoints / 100) + "." + "%02d".formatted(basisPoints % 100);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + "%";
    }
}
