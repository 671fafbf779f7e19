package org.strongcities.fund.domain.api;

import java.time.LocalDate;

public record ReportingObligation(String reportId, ReportKind kind, LocalDate dueDate) {
}
