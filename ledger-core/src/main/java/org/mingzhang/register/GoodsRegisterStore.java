package org.mingzhang.register;

import java.util.List;
import java.util.Optional;

/** The port that reads the memorandum register of unvalued goods (备查簿) from committed storage. */
public interface GoodsRegisterStore {

    /** Every entry, IN and OUT, in id order, for the writer's state. */
    List<GoodsEntry> entries();

    /** The IN entry with this id and its issues; empty when there is none, or the id is an OUT entry's. */
    Optional<GoodsLot> lot(long inEntryId);

    /** The fund's IN entries in id order after {@code afterId}, at most {@code limit}, each with its issues. */
    List<GoodsLot> lots(long fundId, long afterId, int limit);
}
