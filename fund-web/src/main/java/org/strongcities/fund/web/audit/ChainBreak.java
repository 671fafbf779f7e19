package org.strongcities.fund.web.audit;

/**
 * The first place the chain does not hold.
 *
 * @param chainSeq        position in the chain; null for an event that has no link at all
 * @param eventIdentifier the event concerned (Axon's event identifier)
 * @param globalIndex     the event's global index, from the event row or else from its link
 */
public record ChainBreak(Long chainSeq, String eventIdentifier, Long globalIndex, BreakKind kind, String explanation) {
}
