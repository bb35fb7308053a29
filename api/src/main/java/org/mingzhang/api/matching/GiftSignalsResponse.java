package org.mingzhang.api.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.matching.AbuseSignal;

/** A gift to the project that a person should look at before trusting its match; it never changes an amount. */
@Schema(name = "GiftAbuseSignal")
public record GiftSignalsResponse(@Schema(example = "17") String giftId, List<AbuseSignal> signals) {
}
