package org.mingzhang.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mingzhang.user.Actor;

/**
 * The core asserts the limits of a need itself, so that a caller that skipped the edge's checks fails
 * loudly instead of writing something the database or a report would choke on; and a need's state always
 * agrees with its answer and withdrawal fields.
 */
class NeedCommandsTest {

    static final Actor BY = new Actor(1, "居委会 陈主任");

    static RecordNeed record(String title, String description, String raisedBy, int supporters) {
        return new RecordNeed(BY, "TXSQ", title, description, raisedBy, supporters);
    }

    @Test
    @DisplayName("when a text is at its limit then the need is taken; one character more, blank or missing, then it is refused naming the field")
    void texts() {
        RecordNeed atLimits = record("题".repeat(RecordNeed.TITLE_LENGTH_MAX), "述".repeat(RecordNeed.DESCRIPTION_LENGTH_MAX),
                "人".repeat(RecordNeed.RAISED_BY_LENGTH_MAX), 1);
        assertThat(atLimits.title()).hasSize(200);
        assertThatThrownBy(() -> record("题".repeat(201), "d", "r", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("title must have 1 to 200 characters, not blank: it has 201");
        assertThatThrownBy(() -> record("t", "述".repeat(2001), "r", 1)).hasMessageStartingWith("description must have 1 to 2000");
        assertThatThrownBy(() -> record("t", "d", " ", 1)).hasMessageStartingWith("raisedBy must have 1 to 200");
        assertThatThrownBy(() -> record(null, "d", "r", 1)).hasMessageEndingWith("it is missing");
        assertThatThrownBy(() -> new RecordNeed(BY, "", "t", "d", "r", 1)).hasMessageStartingWith("code must have 1 to 32");
    }

    @Test
    @DisplayName("when supporters are 0 or more than the limit then the need is refused with the number")
    void supporters() {
        assertThatThrownBy(() -> record("t", "d", "r", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("supporters must be between 1 and 100000: 0");
        assertThatThrownBy(() -> record("t", "d", "r", RecordNeed.SUPPORTERS_MAX + 1)).hasMessageEndingWith(": 100001");
        assertThat(record("t", "d", "r", RecordNeed.SUPPORTERS_MAX).supporters()).isEqualTo(100_000);
    }

    @Test
    @DisplayName("when a withdrawal has no reason or one too long then it is refused")
    void withdrawReason() {
        assertThatThrownBy(() -> new WithdrawNeed(BY, 1, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WithdrawNeed(BY, 1, "因".repeat(WithdrawNeed.REASON_LENGTH_MAX + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new WithdrawNeed(BY, 1, "因".repeat(WithdrawNeed.REASON_LENGTH_MAX)).reason()).hasSize(400);
    }

    @Test
    @DisplayName("when a need is answered or withdrawn then its state and fields agree; a mixed-up need cannot be made")
    void states() {
        Instant at = Instant.parse("2026-05-02T02:00:00Z");
        Need open = Need.open(7, 3, "道路", "泥泞", "3号楼居民", 12, BY, at);
        Need answered = open.answered("TXSQ-2026-001", at.plusSeconds(60));
        assertThat(answered.status()).isEqualTo(NeedStatus.ANSWERED);
        assertThat(answered.answeredByProjectCode()).isEqualTo("TXSQ-2026-001");
        assertThat(answered.createdAt()).isEqualTo(at);
        Need withdrawn = open.withdrawn(BY, at.plusSeconds(60), "居民已自行解决");
        assertThat(withdrawn.status()).isEqualTo(NeedStatus.WITHDRAWN);
        assertThat(withdrawn.answeredByProjectCode()).isNull();

        assertThatThrownBy(() -> new Need(7, 3, "道路", "泥泞", "3号楼居民", 12, NeedStatus.ANSWERED, null, null, BY, at,
                null, null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ANSWERED");
        assertThatThrownBy(() -> new Need(7, 3, "道路", "泥泞", "3号楼居民", 12, NeedStatus.OPEN, "P", at, BY, at,
                null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Need(7, 3, "道路", "泥泞", "3号楼居民", 12, NeedStatus.WITHDRAWN, null, null, BY, at,
                null, null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WITHDRAWN");
    }
}
