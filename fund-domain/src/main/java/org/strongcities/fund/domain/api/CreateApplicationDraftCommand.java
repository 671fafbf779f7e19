package org.strongcities.fund.domain.api;

public record CreateApplicationDraftCommand(
        String applicationId,
        String cityId,
        String actor) {
}
