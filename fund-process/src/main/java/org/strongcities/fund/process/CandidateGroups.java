package org.strongcities.fund.process;

/**
 * Names of the groups tasks and notices go to, as the models use them. The web app maps an
 * account's roles to these names and passes them to {@link ProcessTasks}.
 */
public final class CandidateGroups {

    public static final String CENTRAL_TEAM = "central-team";
    public static final String FINANCE_APPROVERS = "finance-approvers";
    public static final String FINANCE_OFFICERS = "finance-officers";

    private CandidateGroups() {
    }

    /** The reviewers of the Regional Hub of the city's region. */
    public static String hub(String hubId) {
        return "hub:" + hubId;
    }

    /** The leads of a Regional Hub, who hear of reviews left untouched. */
    public static String hubLeads(String hubId) {
        return "hub-leads:" + hubId;
    }

    /** The focal points of a member city (notices only, no tasks). */
    public static String city(String cityId) {
        return "city:" + cityId;
    }
}
