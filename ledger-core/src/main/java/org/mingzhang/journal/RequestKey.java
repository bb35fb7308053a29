package org.mingzhang.journal;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A caller's {@code Idempotency-Key} for a request that creates or changes a record, with the hash of that request.
 * The key belongs to the caller: the same text sent by another caller is another key, which finds nothing of the
 * first caller's. The writer keeps it with the record the request made ({@link KeptRequest}), in the same batch.
 *
 * @param callerId    the authenticated user's id (the admin, who is not a stored user, is 0)
 * @param requestHash SHA-256 (lower-case hex) of the request as the edge read it: method, path and body
 */
public record RequestKey(long callerId, String idempotencyKey, String requestHash) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public RequestKey {
        if (callerId < 0) {
            throw new IllegalArgumentException("a caller id is 0 or more: " + callerId);
        }
        LedgerLimits.requireKey(idempotencyKey);
        if (requestHash == null || !SHA256_HEX.matcher(requestHash).matches()) {
            throw new IllegalArgumentException("a request hash is 64 lower-case hex digits: " + requestHash);
        }
    }

    /** What names the key in storage: the caller and the key, without the hash. */
    public Scope scope() {
        return new Scope(callerId, idempotencyKey);
    }

    /** A key as storage looks it up: one caller's key. */
    public record Scope(long callerId, String idempotencyKey) {
    }

    /**
     * A journal idempotency key derived from this request key, for a keyed command that books money under a key of its
     * own (a matching pool's funding). The journal's keys are one space for every caller; this one is in the ledger's
     * own part of it ({@link LedgerLimits#INTERNAL_KEY_PREFIX}, which clients may not use) and names the caller, so
     * no other caller's request can meet it there.
     */
    public String journalKey() {
        return journalKey(callerId, idempotencyKey);
    }

    /**
     * The journal key of one caller's {@code Idempotency-Key}: what a request that books money is kept under, so that
     * the same text sent by another caller is another key (as Stripe scopes keys to an account) and never returns the
     * first caller's transaction, gift or donor. {@code mz:k:<caller id>:<the first 128 bits of SHA-256 of caller and
     * key, base64url>}: about 30 characters whatever the key's length, shorter than the UUID most clients send, since
     * it is indexed twice per gift (the journal's and the gift's unique keys).
     */
    public static String journalKey(long callerId, String idempotencyKey) {
        byte[] digest = HexFormat.of().parseHex(new Canonical().add(callerId).add(idempotencyKey).sha256());
        return LedgerLimits.INTERNAL_KEY_PREFIX + "k:" + callerId + ":"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }
}
