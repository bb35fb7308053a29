package org.mingzhang.gift;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.mingzhang.journal.Books;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.Projection;

/**
 * Keeps {@link ProjectGiving} up to date as gifts to projects are recorded and refunded: in memory, each project's
 * sources (at most channels × donor kinds rows) and donor count; the donors themselves stay in storage and are read
 * ahead for the gifts of each batch, so memory does not grow with the number of donors.
 */
public final class GivingProjection implements Projection, GiftListener {

    private record Key(Channel channel, DonorKind kind) {
    }

    /** Gifts read per page when the projection is built the first time on books from before it. */
    private static final int BUILD_PAGE = 10_000;

    private final ProjectGiving store;
    private final GiftStore gifts;
    /** A project's id from its code, as the writer knows it now (null: no such project). */
    private final Function<String, Long> projectIds;
    private final Map<Long, Map<Key, long[]>> sources = new HashMap<>();
    private final Map<Long, Integer> donorCounts = new HashMap<>();
    /** Donors the batch read ahead or changed; cleared after every batch. */
    private final Map<ProjectDonor, ProjectGiving.DonorRow> donors = new HashMap<>();
    private final Map<Long, Set<String>> changed = new LinkedHashMap<>();

    public GivingProjection(ProjectGiving store, GiftStore gifts, Function<String, Long> projectIds) {
        this.store = store;
        this.gifts = gifts;
        this.projectIds = projectIds;
    }

    @Override
    public void reload() {
        sources.clear();
        donorCounts.clear();
        donors.clear();
        changed.clear();
        if (!store.givingBuilt()) {
            // Books from before the projection: fold every gift to a project once, page by page, and keep it.
            Folder folder = new Folder();
            long after = 0;
            for (List<Gift> page = gifts.gifts(null, null, null, after, BUILD_PAGE); !page.isEmpty();
                 page = gifts.gifts(null, null, null, after, BUILD_PAGE)) {
                page.forEach(folder::add);
                after = page.get(page.size() - 1).id();
            }
            store.rebuildGiving(folder.rows());
        }
        store.sheets().values().forEach(this::put);
    }

    private void put(ProjectGiving.Sheet sheet) {
        Map<Key, long[]> bySource = new LinkedHashMap<>();
        sheet.sources().forEach(s -> bySource.put(new Key(s.channel(), s.donorKind()), new long[] {s.gifts(), s.amountFen()}));
        sources.put(sheet.projectId(), bySource);
        donorCounts.put(sheet.projectId(), sheet.donors());
    }

    @Override
    public Runnable readAhead(List<LedgerCommand<?>> commands) {
        Set<ProjectDonor> wanted = ProjectDonor.ofGifts(commands, projectIds);
        wanted.removeAll(donors.keySet());
        if (wanted.isEmpty()) {
            return null;
        }
        return () -> {
            Map<ProjectDonor, ProjectGiving.DonorRow> read = store.donors(wanted);
            wanted.forEach(d -> donors.put(d, read.getOrDefault(d, ProjectGiving.DonorRow.NONE)));
        };
    }

    @Override
    public void giftRecorded(Gift gift, Books books) {
        if (gift.projectId() != null) {
            change(gift, 1, gift.amountFen());
        }
    }

    @Override
    public void giftRefunded(Gift before, Gift after, Books books) {
        if (after.projectId() != null) {
            // A refund in whole takes the gift away; one in part only what it gave back.
            change(after, after.standingFen() == 0 ? -1 : 0, after.standingFen() - before.standingFen());
        }
    }

    private void change(Gift gift, int gifts, long fen) {
        long projectId = gift.projectId();
        long[] source = sources.computeIfAbsent(projectId, k -> new LinkedHashMap<>())
                .computeIfAbsent(new Key(gift.channel(), gift.donor().kind()), k -> new long[2]);
        source[0] += gifts;
        source[1] = Math.addExact(source[1], fen);
        ProjectDonor key = new ProjectDonor(projectId, gift.donor().key());
        ProjectGiving.DonorRow was = donors.computeIfAbsent(key,
                d -> store.donors(List.of(d)).getOrDefault(d, ProjectGiving.DonorRow.NONE));
        ProjectGiving.DonorRow now = new ProjectGiving.DonorRow(was.gifts() + gifts, Math.addExact(was.standingFen(), fen));
        donors.put(key, now);
        if ((was.gifts() > 0) != (now.gifts() > 0)) {
            donorCounts.merge(projectId, now.gifts() > 0 ? 1 : -1, Integer::sum);
        }
        changed.computeIfAbsent(projectId, k -> new HashSet<>()).add(key.donorKey());
    }

    @Override
    public void flush(Books books) {
        for (Map.Entry<Long, Set<String>> e : changed.entrySet()) {
            long projectId = e.getKey();
            Map<String, ProjectGiving.DonorRow> rows = new HashMap<>();
            e.getValue().forEach(k -> rows.put(k, donors.get(new ProjectDonor(projectId, k))));
            books.write(new ProjectGiving.Saved(sheet(projectId), rows));
        }
        changed.clear();
        donors.clear();
    }

    private ProjectGiving.Sheet sheet(long projectId) {
        return sheet(projectId, sources.getOrDefault(projectId, Map.of()), donorCounts.getOrDefault(projectId, 0));
    }

    /** A project's sheet: its sources in channel and donor-kind order, and its donor count. */
    private static ProjectGiving.Sheet sheet(long projectId, Map<Key, long[]> bySource, int donors) {
        List<ProjectGiving.Source> list = bySource.entrySet().stream()
                .sorted(java.util.Comparator.comparing((Map.Entry<Key, long[]> s) -> s.getKey().channel())
                        .thenComparing(s -> s.getKey().kind()))
                .map(s -> new ProjectGiving.Source(s.getKey().channel(), s.getKey().kind(), (int) s.getValue()[0], s.getValue()[1]))
                .toList();
        return new ProjectGiving.Sheet(projectId, list, donors);
    }

    /** The giving of every project folded from its gifts: what the projection must equal. */
    public static List<ProjectGiving.Saved> fold(List<Gift> gifts) {
        Folder folder = new Folder();
        gifts.forEach(folder::add);
        return folder.rows();
    }

    /** Folds gifts, one at a time, into the rows the projection keeps. */
    private static final class Folder {
        private final Map<Long, Map<Key, long[]>> bySource = new LinkedHashMap<>();
        private final Map<Long, Map<String, long[]>> byDonor = new LinkedHashMap<>();

        void add(Gift g) {
            if (g.projectId() == null) {
                return;
            }
            long[] s = bySource.computeIfAbsent(g.projectId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(new Key(g.channel(), g.donor().kind()), k -> new long[2]);
            long[] d = byDonor.computeIfAbsent(g.projectId(), k -> new LinkedHashMap<>()).computeIfAbsent(g.donor().key(), k -> new long[2]);
            int stands = g.standingFen() > 0 ? 1 : 0;
            s[0] += stands;
            s[1] += g.standingFen();
            d[0] += stands;
            d[1] += g.standingFen();
        }

        List<ProjectGiving.Saved> rows() {
            List<ProjectGiving.Saved> rows = new java.util.ArrayList<>();
            for (Map.Entry<Long, Map<Key, long[]>> e : bySource.entrySet()) {
                Map<String, ProjectGiving.DonorRow> donorRows = new HashMap<>();
                byDonor.get(e.getKey()).forEach((k, v) -> donorRows.put(k, new ProjectGiving.DonorRow((int) v[0], v[1])));
                int donors = (int) donorRows.values().stream().filter(r -> r.gifts() > 0).count();
                rows.add(new ProjectGiving.Saved(sheet(e.getKey(), e.getValue(), donors), donorRows));
            }
            return rows;
        }
    }
}
