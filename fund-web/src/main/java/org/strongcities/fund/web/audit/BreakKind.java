package org.strongcities.fund.web.audit;

/** What the verifier found wrong at the first break of the chain. */
public enum BreakKind {
    /** The event row no longer hashes to its link: its content (payload, metadata, any column) was changed. */
    EVENT_CHANGED,
    /** The link exists but its event row is gone. */
    EVENT_DELETED,
    /** An event row has no link and is not queued for one: it was stored bypassing the chain's trigger. */
    EVENT_INSERTED,
    /** The link itself was rewritten (its hash or global index), while its event still matches the chain. */
    LINK_CHANGED,
    /** The link does not follow the one before it: links were reordered or one was rewritten. */
    LINK_REORDERED,
    /** Chain positions are missing: links (and possibly their events) were removed. */
    LINK_REMOVED
}
