-- Chain events at commit time, not at insert time.
--
-- V20 linked each event in an AFTER INSERT trigger. Its advisory lock (which keeps the chain from
-- forking) was then held from Axon's insert, through everything else the unit of work does after
-- it (subscribing projections, the process bridge's Camunda work), until commit: every transaction
-- that stored an event waited for the whole of the previous one. In the benchmark, PostgreSQL's own
-- wait sampling showed the command load spending most of its database time waiting on that lock
-- (Lock:advisory), and 4 writers reached about 100 commands/s on a database that commits 2,600
-- single-row transactions a second.
--
-- As a deferred constraint trigger, the same function runs for the same rows in the same transaction
-- but at COMMIT, after all other work of the transaction. The lock is then held only for the linking
-- itself and the commit's WAL flush. What is guaranteed does not change: no transaction can commit an
-- event without its link, and the links still form one unforked sequence. The chain order is now the
-- commit order (it was already not always the global index order, which a sequence hands out before
-- commit); the verifier walks the chain by chain_seq and never assumed otherwise.
--
-- A transaction that needs its links before commit (a test, a repair) runs
--   SET CONSTRAINTS event_chain_link IMMEDIATE;
DROP TRIGGER event_chain_link ON domainevententry;

CREATE CONSTRAINT TRIGGER event_chain_link
    AFTER INSERT ON domainevententry
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION event_chain_link();
