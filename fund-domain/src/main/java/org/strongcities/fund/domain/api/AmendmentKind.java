package org.strongcities.fund.domain.api;

public enum AmendmentKind {
    MORE_MONEY, NEW_END_DATE, MOVE_BUDGET_LINES
}
