package org.strongcities.fund.process;

/**
 * What the processes need to know about a member city and the events do not carry: implemented
 * by the web app. It is asked while the event that starts a process is handled, in the same
 * transaction, so it must read current state (e.g. the MemberCity aggregate or a subscribing
 * projection), not a read model that may lag behind.
 */
public interface CityDirectory {

    CityStanding standing(String cityId);

    /**
     * @param hubId              the Regional Hub of the city's region: its reviewers get the tasks
     * @param activeMember       membership is active (not suspended or ended)
     * @param hasOverdueReports  a report of an earlier award is overdue (payments on hold)
     */
    record CityStanding(String hubId, boolean activeMember, boolean hasOverdueReports) {
    }
}
