package org.strongcities.fund.process;

/**
 * Something a person should hear about: a reminder or an escalation.
 *
 * @param processKey  the process it comes from
 * @param caseId      the business key: application id or award id
 * @param kind        what happened, e.g. REVIEW_OVERDUE (see the Notices of each process)
 * @param recipients  a group name as in {@link CandidateGroups}: central-team, hub-leads:HUB, city:CITY
 * @param reportId    the report concerned, or null
 */
public record Notice(String processKey, String caseId, String kind, String recipients, String reportId) {
}
