package org.strongcities.fund.web.readmodel;

import java.util.List;

/**
 * A table the tracking projections write: its name, its primary key columns in key order, and whether
 * its rows are only ever inserted. Rows of an insert-only table are never changed or read by a
 * projection, so a rebuild streams them straight out instead of keeping them ({@link ProjectionFold}).
 */
record ReadModelTable(String name, List<String> key, boolean insertOnly) {

    static final ReadModelTable APPLICATION = changing("rm_application", "application_id");
    static final ReadModelTable APPLICATION_VERSION = insertOnly("rm_application_version", "application_id", "version");
    static final ReadModelTable CASE_EVENT = insertOnly("rm_case_event", "event_id");
    static final ReadModelTable REVIEW = changing("rm_review", "review_id");
    static final ReadModelTable AWARD = changing("rm_award", "award_id");
    static final ReadModelTable AWARD_FUNDING = changing("rm_award_funding", "award_id", "contribution_id");
    static final ReadModelTable TRANCHE = changing("rm_tranche", "award_id", "tranche_id");
    static final ReadModelTable REPORT = changing("rm_report", "award_id", "report_id");
    static final ReadModelTable AMENDMENT = changing("rm_amendment", "award_id", "amendment_id");
    static final ReadModelTable HANDLED_EVENT = insertOnly("rm_handled_event", "event_id", "processing_group");
    static final ReadModelTable CONTRIBUTION = insertOnly("rm_contribution", "contribution_id");
    static final ReadModelTable LEDGER_ENTRY = insertOnly("rm_ledger_entry", "event_id");

    private static ReadModelTable changing(String name, String... key) {
        return new ReadModelTable(name, List.of(key), false);
    }

    private static ReadModelTable insertOnly(String name, String... key) {
        return new ReadModelTable(name, List.of(key), true);
    }

    /** The row of this table with these key values, in key order. */
    Row row(Object... key) {
        if (key.length != this.key.size()) {
            throw new IllegalArgumentException(name + " is keyed by " + this.key + ", not by " + key.length + " value(s)");
        }
        return new Row(this, List.of(key));
    }

    /** One row of a read-model table: the table and the values of its primary key, in key order. */
    record Row(ReadModelTable table, List<Object> key) {
    }
}
