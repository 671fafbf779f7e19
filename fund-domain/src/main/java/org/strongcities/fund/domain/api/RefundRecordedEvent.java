package org.strongcities.fund.domain.api;

import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RefundRecordedEvent(
        String awardId,
        String refundId,
        Money usd,
        List<FundingAllocation> returnedTo,
        String reason,
        String actor) {
}
