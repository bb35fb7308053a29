package org.mingzhang.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The check the store makes whenever it reads the register back, the pair of the writer's own: a lot's issues are its
 * own, in order, of the same goods, and never hand out more than it received. Proves it on lots built by hand, the way
 * a tampered or corrupted table would present them.
 */
class GoodsLotTest {

    static final Instant AT = Instant.parse("2026-05-02T01:00:00Z");

    static GoodsEntry in(long id, long quantity) {
        return new GoodsEntry(id, "k" + id, "h", 1, null, GoodsDirection.IN, "旧衣物", quantity, "袋", "刘阿姨", "无市场价", null,
                AT, null, "#7 王会计", AT);
    }

    static GoodsEntry out(long id, long inId, long quantity) {
        return new GoodsEntry(id, "k" + id, "h", 1, null, GoodsDirection.OUT, "旧衣物", quantity, "袋", "王某", null, inId,
                AT, null, "#7 王会计", AT);
    }

    @Test
    @DisplayName("when issues hand out part of a lot then what is left, and what was left after each, add up")
    void remaining() {
        GoodsEntry first = out(2, 1, 5);
        GoodsEntry second = out(4, 1, 7);
        GoodsLot lot = GoodsLot.of(in(1, 12), List.of(first, second));
        assertThat(lot.remainingQuantity()).isZero();
        assertThat(lot.issuedQuantity()).isEqualTo(12);
        assertThat(lot.remainingAfter(first)).isEqualTo(7);
        assertThat(lot.remainingAfter(second)).isZero();
    }

    @Test
    @DisplayName("when the issues read back hand out more than the lot received then reading fails loudly")
    void overIssued() {
        assertThatThrownBy(() -> GoodsLot.of(in(1, 12), List.of(out(2, 1, 5), out(3, 1, 8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("received 12 袋").hasMessageContaining("13");
    }

    @Test
    @DisplayName("when an issue of another lot, of other goods or out of order is listed then reading fails loudly")
    void foreignIssue() {
        assertThatThrownBy(() -> GoodsLot.of(in(1, 12), List.of(out(3, 2, 1)))).isInstanceOf(IllegalStateException.class);
        GoodsEntry otherUnit = new GoodsEntry(3, "k3", "h", 1, null, GoodsDirection.OUT, "旧衣物", 1, "件", "王某", null, 1L, AT,
                null, "#7 王会计", AT);
        assertThatThrownBy(() -> GoodsLot.of(in(1, 12), List.of(otherUnit))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> GoodsLot.of(in(1, 12), List.of(out(4, 1, 1), out(3, 1, 1))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("when an entry is neither shape (an IN without why, an OUT without its lot, no units) then it cannot exist")
    void shapes() {
        assertThatThrownBy(() -> new GoodsEntry(1, "k", "h", 1, null, GoodsDirection.IN, "旧衣物", 1, "袋", "刘阿姨", null, null,
                AT, null, "#7", AT)).hasMessageContaining("whyNotValued");
        assertThatThrownBy(() -> new GoodsEntry(2, "k", "h", 1, null, GoodsDirection.OUT, "旧衣物", 1, "袋", "王某", null, null,
                AT, null, "#7", AT)).hasMessageContaining("inEntryId");
        assertThatThrownBy(() -> in(1, 0)).hasMessageContaining("quantity");
        assertThatThrownBy(() -> in(1, GoodsEntry.QUANTITY_MAX + 1)).hasMessageContaining("quantity");
    }
}
