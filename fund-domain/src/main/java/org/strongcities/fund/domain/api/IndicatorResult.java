package org.strongcities.fund.domain.api;

public record IndicatorResult(String indicator, String achieved, String comment) {
}
