package org.strongcities.fund.web.finance;

/**
 * The overdue reports that hold a city's tranches, in the words the pages show ("r-1 of award a-7"),
 * oldest first. While there are any, the domain (MemberCity) refuses to request, approve or pay a
 * tranche of the city; the finance console and the tranche task pages read this one expression to say
 * so instead of offering a step that would be refused.
 */
public final class CityHolds {

    private CityHolds() {
    }

    /** A scalar subquery: the city's overdue reports, or NULL when it has none. */
    public static String overdueReportsOf(String cityIdColumn) {
        return "(SELECT string_agg(h.report_id || ' of award ' || h.award_id, ', ' ORDER BY h.placed_at, h.award_id, h.report_id)"
                + " FROM rm_city_hold h WHERE h.city_id = " + cityIdColumn + ")";
    }
}
