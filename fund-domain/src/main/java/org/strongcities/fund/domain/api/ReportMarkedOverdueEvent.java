package org.strongcities.fund.domain.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReportMarkedOverdueEvent(
        String awardId,
        String cityId,
        String reportId,
        LocalDate dueDate,
        String actor) {
}
