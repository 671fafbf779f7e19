package org.strongcities.fund.domain.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TranchePaidEvent(
        String awardId,
        String cityId,
        String trancheId,
        Money amount,
        List<FundingAllocation> paidFrom,
        String paymentReference,
        LocalDate valueDate,
        Conversion conversion,
        String actor) {
}
