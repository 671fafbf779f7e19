package org.strongcities.fund.domain.api;

import java.util.Set;

/** What an earmark is matched against: the region, priorities, support type and purpose of a case. */
public record CaseProfile(Region region, Set<StrategicPriority> priorities, SupportType supportType, String purpose) {

    public CaseProfile {
        priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
    }
}
