package org.strongcities.fund.web.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes a chain link hashes, in the one encoding shared with the database
 * ({@code event_chain_canonical} in {@code V20__audit_event_chain.sql}, written out in {@code event_chain_seal}, V29;
 * change them together).
 *
 * <pre>
 *   hash(n)   = SHA-256( hash(n-1) || canonical(event row n) ),  hash(0) = 32 zero bytes
 *   canonical = field(globalindex) field(aggregateidentifier) field(sequencenumber) field(type)
 *               field(eventidentifier) field(payloadtype) field(payloadrevision) field("timestamp")
 *               field(payload) field(metadata)
 *   field(NULL)   = int32 -1
 *   field(bigint) = int32 8, int64 value
 *   field(text)   = int32 length of the UTF-8 bytes, the UTF-8 bytes
 *   field(bytea)  = int32 length, the bytes
 * </pre>
 * All integers are big-endian. The length prefixes make the encoding unambiguous, and the metadata
 * (actor, actorRole, correlationId, traceId, reason) is covered like the payload.
 */
public record CanonicalEvent(
        Long globalIndex,
        String aggregateIdentifier,
        Long sequenceNumber,
        String type,
        String eventIdentifier,
        String payloadType,
        String payloadRevision,
        String timestamp,
        byte[] payload,
        byte[] metadata) {

    public static final int HASH_LENGTH = 32;
    /** The previous hash of the first link. */
    public static final byte[] GENESIS = new byte[HASH_LENGTH];

    /** SHA-256 of the previous hash followed by this event's canonical bytes. */
    public byte[] chainHash(byte[] previousHash) {
        MessageDigest digest = sha256();
        digest.update(previousHash);
        digest.update(canonicalBytes());
        return digest.digest();
    }

    public byte[] canonicalBytes() {
        int size = 4 * 10 + 16
                + utf8Length(aggregateIdentifier) + utf8Length(type) + utf8Length(eventIdentifier)
                + utf8Length(payloadType) + utf8Length(payloadRevision) + utf8Length(timestamp)
                + (payload == null ? 0 : payload.length) + (metadata == null ? 0 : metadata.length);
        ByteBuffer out = ByteBuffer.allocate(size);
        putLong(out, globalIndex);
        putText(out, aggregateIdentifier);
        putLong(out, sequenceNumber);
        putText(out, type);
        putText(out, eventIdentifier);
        putText(out, payloadType);
        putText(out, payloadRevision);
        putText(out, timestamp);
        putBytes(out, payload);
        putBytes(out, metadata);
        byte[] result = new byte[out.position()];
        out.flip();
        out.get(result);
        return result;
    }

    public static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static int utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void putLong(ByteBuffer out, Long value) {
        if (value == null) {
            out.putInt(-1);
        } else {
            out.putInt(Long.BYTES);
            out.putLong(value);
        }
    }

    private static void putText(ByteBuffer out, String text) {
        putBytes(out, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    private static void putBytes(ByteBuffer out, byte[] bytes) {
        if (bytes == null) {
            out.putInt(-1);
        } else {
            out.putInt(bytes.length);
            out.put(bytes);
        }
    }
}
