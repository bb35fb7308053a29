package org.mingzhang.transparency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.mingzhang.assembly.LedgerAssembly;
import org.mingzhang.fund.FundLevel;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.Donor;
import org.mingzhang.gift.DonorKind;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.RecordGift;
import org.mingzhang.journal.ChainHash;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerFixture;
import org.mingzhang.journal.LedgerWriter;
import org.mingzhang.journal.TestClock;
import org.mingzhang.journal.Transaction;
import org.mingzhang.journal.TransactionFields;
import org.mingzhang.project.BudgetLine;
import org.mingzhang.project.CreateProject;
import org.mingzhang.project.ProjectPlan;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.TeamMember;
import org.mingzhang.project.TransitionProject;
import org.mingzhang.store.TestDatabases;
import org.mingzhang.user.Actor;

/**
 * A real gift's proof, for the tests of the offline check (here and in the api's {@code verify} command): a ledger on
 * H2 books gifts through the real deciders, the journal is read back, every transaction's stored chain hash becomes a
 * leaf in id order (as the log keeps them), a new key signs a checkpoint of the whole journal, and the proof of one
 * restricted gift is assembled as the public trace gives it. Nothing in it is made up by hand.
 *
 * @param key the log's key pair (its verifier key is what a donor trusts)
 * @param gift the proven gift, as the ledger recorded it
 * @param journal every transaction read back from the database, in id order
 * @param tree the log over the journal's chain hashes
 * @param earlierSize the size of an earlier checkpoint of the same log, for consistency proofs
 * @param earlierCheckpoint the signed note of that earlier checkpoint
 * @param proof the gift's proof against the checkpoint of the whole journal
 */
public record RealProof(NoteKey key, Gift gift, List<Transaction> journal, MerkleTree.Subtrees tree, long earlierSize,
                        String earlierCheckpoint, TraceProof proof) {

    public static final String ORIGIN = "mingzhang.example.org/log";
    static final Actor ACCOUNTANT = new Actor(21, "王会计");
    static final Actor COMMITTEE = new Actor(22, "李委员");
    static final Instant OPENS = Instant.parse("2026-05-01T00:00:00Z");
    static final Instant MAY_2 = Instant.parse("2026-05-02T02:00:00.123456789Z");

    /** Books seven gifts (the fourth, restricted to a project, is the one proven) and proves it against a checkpoint. */
    public static RealProof book() {
        try (TestDatabases.TestDatabase db = TestDatabases.h2()) {
            Ledger ledger = LedgerAssembly.open(db.database().ports(), TestClock.in2026(), LedgerWriter.Settings.DEFAULT);
            try {
                return book(ledger, new LedgerFixture(ledger));
            } finally {
                ledger.close();
            }
        }
    }

    private static RealProof book(Ledger ledger, LedgerFixture f) {
        f.fund("CITY");
        f.fund("TXSQ", FundLevel.COMMUNITY, "CITY", false);
        ProjectPlan plan = new ProjectPlan("楼道照明", "便民维修", "楼道无灯", List.of("装灯"), 50_000_00,
                List.of(new BudgetLine(1, "灯具", 50_000_00, null)), "五月完工", List.of(new TeamMember("王师傅", "电工")),
                OPENS, Instant.parse("2026-05-31T15:59:59Z"), null);
        ledger.execute(new CreateProject(ACCOUNTANT, f.code("P1"), f.code("TXSQ"), plan)).value();
        ledger.execute(new TransitionProject(ACCOUNTANT, f.code("P1"), ProjectTransition.SUBMIT, null)).value();
        ledger.execute(new TransitionProject(COMMITTEE, f.code("P1"), ProjectTransition.APPROVE, null)).value();
        Donor zhang = new Donor("张三明", DonorKind.PERSON, "13800000000", null, null, false, false);
        List<Gift> gifts = new ArrayList<>();
        long[] amounts = {500_00, 1_00, 30_00, 4_000_00, 88_88, 12_345_67, 2_00};
        for (int i = 0; i < amounts.length; i++) {
            String project = i % 2 == 1 ? f.code("P1") : null;
            gifts.add(ledger.execute(new RecordGift(LedgerFixture.key(), ACCOUNTANT, f.code("TXSQ"), project, amounts[i],
                    i % 3 == 0 ? Channel.BANK_TRANSFER : Channel.WECHAT_PAY, zhang, null, MAY_2.plusSeconds(60L * i), null)).value());
        }
        Gift gift = gifts.get(3);

        List<Transaction> journal = new ArrayList<>();
        ledger.reads().forEachTransaction(journal::add);
        List<byte[]> leaves = journal.stream().map(t -> MerkleTree.leafHash(HexFormat.of().parseHex(t.hash()))).toList();
        MerkleTree.Subtrees tree = MerkleTree.of(leaves);
        NoteKey key = NoteKey.generate(ORIGIN);
        long earlierSize = journal.size() - 3;
        String earlier = SignedNote.sign(new Checkpoint(ORIGIN, earlierSize, MerkleTree.root(tree, earlierSize)).text(), key);
        String checkpoint = SignedNote.sign(new Checkpoint(ORIGIN, tree.size(), MerkleTree.root(tree, tree.size())).text(), key);

        Transaction booked = journal.stream().filter(t -> t.id() == gift.transactionId()).findFirst().orElseThrow();
        long leafIndex = journal.indexOf(booked);
        List<String> inclusion = MerkleTree.inclusionProof(tree, leafIndex, tree.size()).stream()
                .map(h -> Base64.getEncoder().encodeToString(h)).toList();
        TraceProof proof = new TraceProof(gift.receiptNo(), gift.amountFen(), ChainHash.FORMAT, TransactionFields.of(booked),
                booked.hash(), leafIndex, tree.size(), inclusion, checkpoint);
        return new RealProof(key, gift, List.copyOf(journal), tree, earlierSize, earlier, proof);
    }

    /** The verifier key a donor trusts. */
    public NoteKey verifier() {
        return NoteKey.verifier(key.verifierKey());
    }

    /** The consistency proof from the earlier checkpoint to the proof's, in base64, RFC 6962 order. */
    public List<String> consistency() {
        return MerkleTree.consistencyProof(tree, earlierSize, tree.size()).stream()
                .map(h -> Base64.getEncoder().encodeToString(h)).toList();
    }
}
