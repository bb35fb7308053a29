package org.mingzhang.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mingzhang.account.Account;
import org.mingzhang.fund.Fund;

/**
 * What a journal command sent by a client would move, account by account, before the ledger applies it: a manual
 * entry's lines, a reversal's swapped legs, a pending transfer's two sides (it holds money back at once). Posting or
 * voiding a pending transfer moves nothing new. Lines that name an unknown fund or account are left out: the ledger
 * refuses those itself.
 *
 * @param debitFen what the account would be debited, {@code creditFen} credited
 */
public record DirectEffect(Fund fund, Account account, long debitFen, long creditFen) {

    public static List<DirectEffect> of(LedgerCommand<?> command, Books books) {
        List<DirectEffect> effects = new ArrayList<>();
        switch (command) {
            case PostEntry c -> c.lines().forEach(l -> add(effects, books, l.fundCode() != null ? l.fundCode() : c.fundCode(),
                    l.accountCode(), l.debitFen(), l.creditFen()));
            case CreatePending c -> {
                add(effects, books, c.fundCode(), c.debitAccountCode(), c.amountFen(), 0);
                add(effects, books, c.fundCode(), c.creditAccountCode(), 0, c.amountFen());
            }
            // A record's own transaction is changed only through the record: the journal refuses that itself.
            case Reverse c -> books.transaction(c.transactionId()).filter(Transaction::booked)
                    .filter(t -> t.references().equals(References.NONE)).ifPresent(t -> {
                for (Leg leg : t.legs()) {
                    Optional<Fund> fund = books.fund(leg.fundId());
                    Optional<Account> debited = books.account(leg.creditAccountId());
                    Optional<Account> credited = books.account(leg.debitAccountId());
                    if (fund.isPresent() && debited.isPresent() && credited.isPresent()) {
                        effects.add(new DirectEffect(fund.get(), debited.get(), leg.amountFen(), 0));
                        effects.add(new DirectEffect(fund.get(), credited.get(), 0, leg.amountFen()));
                    }
                }
            });
            default -> {
                // Posting or voiding a reservation, opening a fund, closing a period: no money of a record moves.
            }
        }
        return effects;
    }

    private static void add(List<DirectEffect> effects, Books books, String fundCode, String accountCode, long debitFen,
                            long creditFen) {
        books.fund(fundCode).ifPresent(fund -> books.account(fund.id(), accountCode)
                .ifPresent(account -> effects.add(new DirectEffect(fund, account, debitFen, creditFen))));
    }
}
