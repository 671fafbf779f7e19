package org.strongcities.fund.web.audit;

/**
 * Outcome of one walk over the chain.
 *
 * @param holds         true when every event is linked and every link follows the one before
 * @param eventsChecked events whose link was verified before the walk ended (all of them when the chain holds)
 * @param firstBreak    null when the chain holds
 * @param headHash      hex SHA-256 of the last verified link: write it down (or publish it) to detect later that
 *                      the tail of the chain was cut off, which a chain alone cannot show
 */
public record ChainVerification(boolean holds, long eventsChecked, ChainBreak firstBreak, String headHash) {

    static ChainVerification intact(long eventsChecked, byte[] headHash) {
        return new ChainVerification(true, eventsChecked, null, CanonicalEvent.hex(headHash));
    }

    static ChainVerification broken(long eventsChecked, ChainBreak firstBreak, byte[] headHash) {
        return new ChainVerification(false, eventsChecked, firstBreak, CanonicalEvent.hex(headHash));
    }
}
