package org.strongcities.fund.domain.api;

public record BudgetLine(String description, Money amount) {
}
