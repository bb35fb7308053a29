package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.DonorKind;

/** What a project raised through one channel from one kind of donor: gifts that stand and what stands of them. */
@Schema(name = "RaisedBySource")
public record RaisedBySourceResponse(Channel channel, DonorKind donorKind,
                                     @Schema(description = "Gifts not refunded in whole", example = "12") int gifts,
                                     @Schema(description = "What stands of them, after partial refunds", example = "3600.00")
                                     String amount) {
}
