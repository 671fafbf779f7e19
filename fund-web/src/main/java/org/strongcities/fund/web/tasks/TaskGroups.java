package org.strongcities.fund.web.tasks;

import org.strongcities.fund.process.CandidateGroups;
import org.strongcities.fund.web.security.Account;

import java.util.Set;

/** The candidate groups of the process models that an account belongs to: the one mapping from roles to groups. */
public final class TaskGroups {

    private TaskGroups() {
    }

    public static Set<String> of(Account account) {
        return switch (account.role()) {
            case HUB_REVIEWER -> Set.of(CandidateGroups.hub(account.hubId()));
            case HUB_LEAD -> Set.of(CandidateGroups.hub(account.hubId()), CandidateGroups.hubLeads(account.hubId()));
            case CENTRAL_REVIEWER -> Set.of(CandidateGroups.CENTRAL_TEAM);
            case FINANCE_OFFICER -> Set.of(CandidateGroups.FINANCE_OFFICERS);
            case FINANCE_APPROVER -> Set.of(CandidateGroups.FINANCE_APPROVERS);
            case CITY_FOCAL_POINT -> Set.of(CandidateGroups.city(account.cityId()));
            case DONOR, ADMINISTRATOR -> Set.of();
        };
    }
}
