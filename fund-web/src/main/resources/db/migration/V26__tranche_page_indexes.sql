-- The finance console lists tranches a page at a time for each status: planned order for the ones
-- still to be requested, approved or paid, most recent payment first for the paid ones.
CREATE INDEX rm_tranche_status_planned ON rm_tranche (status, planned_date, award_id, tranche_id);
CREATE INDEX rm_tranche_status_paid ON rm_tranche (status, paid_at DESC NULLS LAST, award_id, tranche_id);
