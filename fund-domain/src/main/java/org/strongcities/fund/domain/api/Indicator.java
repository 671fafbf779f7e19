package org.strongcities.fund.domain.api;

/** A key indicator the applicant promises to report results against. */
public record Indicator(String name, String baseline, String target) {
}
