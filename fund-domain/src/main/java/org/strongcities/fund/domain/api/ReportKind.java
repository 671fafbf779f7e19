package org.strongcities.fund.domain.api;

public enum ReportKind {
    PROGRESS, FINAL
}
