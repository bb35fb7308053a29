package org.mingzhang.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The chart of accounts given to each new fund, read from data ({@code chart-of-accounts.csv}) so that
 * a renumbering by a new edition of the accounting rules is a data change, not a code change.
 */
public final class ChartTemplate {

    /** Codes the ledger itself relies on; the template must define them. */
    public static final String CASH = "1001";
    public static final String BANK = "1002";
    public static final String RESTRICTED_NET_ASSETS = "3102";
    public static final String UNRESTRICTED_NET_ASSETS = "3101";
    public static final String OTHER_PAYABLES = "2209";
    public static final String OTHER_RECEIVABLES = "1122";
    public static final String INVENTORY = "1201";
    public static final String DUE_FROM_OTHER_FUNDS = "1901";
    public static final String DUE_TO_OTHER_FUNDS = "2901";
    /**
     * A detail of unrestricted net assets (3101): money the federation designated for one project (a seed fund's
     * match). Still unrestricted on the balance sheet; held for the project until spent or released.
     */
    public static final String DESIGNATED_NET_ASSETS = "310101";
    public static final String MANAGEMENT_EXPENSES = "5201";
    public static final String FUNDRAISING_EXPENSES = "5301";
    public static final String UNRESTRICTED_DONATIONS = "410101";
    public static final String RESTRICTED_DONATIONS = "410102";
    public static final String PROGRAMME_COSTS = "5101";

    private final List<AccountTemplate> accounts;

    private ChartTemplate(List<AccountTemplate> accounts) {
        Set<String> codes = new HashSet<>();
        for (AccountTemplate a : accounts) {
            if (!codes.add(a.code())) {
                throw new IllegalStateException("chart template defines account " + a.code() + " twice");
            }
        }
        for (String required : List.of(CASH, BANK, OTHER_RECEIVABLES, INVENTORY, DUE_FROM_OTHER_FUNDS, OTHER_PAYABLES,
                DUE_TO_OTHER_FUNDS, RESTRICTED_NET_ASSETS, UNRESTRICTED_NET_ASSETS, DESIGNATED_NET_ASSETS, UNRESTRICTED_DONATIONS,
                RESTRICTED_DONATIONS, PROGRAMME_COSTS, MANAGEMENT_EXPENSES)) {
            if (!codes.contains(required)) {
                throw new IllegalStateException("chart template lacks account " + required);
            }
        }
        this.accounts = List.copyOf(accounts);
    }

    /** The non-profit template (《民间非营利组织会计制度》) shipped with the ledger. */
    public static ChartTemplate nonProfit() {
        try (InputStream in = ChartTemplate.class.getResourceAsStream("chart-of-accounts.csv")) {
            if (in == null) {
                throw new IllegalStateException("chart-of-accounts.csv is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code code,name,type,restricted,mustNotGoNegative} lines; '#' starts a comment line. */
    static ChartTemplate parse(InputStream in) throws IOException {
        List<AccountTemplate> accounts = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("code,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 5) {
                throw new IllegalStateException("chart-of-accounts.csv line " + lineNo + " must have 5 fields: " + line);
            }
            accounts.add(new AccountTemplate(f[0].trim(), f[1].trim(), AccountType.valueOf(f[2].trim()),
                    Boolean.parseBoolean(f[3].trim()), Boolean.parseBoolean(f[4].trim())));
        }
        return new ChartTemplate(accounts);
    }

    public List<AccountTemplate> accounts() {
        return accounts;
    }
}
