package org.mingzhang.api.edge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micronaut.http.HttpRequest;
import org.mingzhang.api.Limits;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.journal.Canonical;
import org.mingzhang.journal.KeyedCommand;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerLimits;
import org.mingzhang.journal.RecordKind;
import org.mingzhang.journal.RequestKey;
import org.mingzhang.user.User;

/**
 * The {@code Idempotency-Key} header that every request moving money must carry, and every other request that creates
 * or changes something may carry. The ledger keeps the key with the transaction it produced (money), or with the
 * record the request made, scoped to the caller ({@link #keyed}), so a retry after a lost answer returns that
 * transaction or record instead of booking the money or making the record twice. See docs/reference/idempotency.md.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String MISSING = "the Idempotency-Key header is required for requests that move money: "
            + "send a unique value (a UUID) and repeat it when you retry";
    public static final String DESCRIPTION = "A unique value per intended operation (a UUID), at most "
            + Limits.IDEMPOTENCY_KEY_CHARS_MAX + " characters. A repeat with the same key and body returns the "
            + "original answer; the same key with another body is a 409.";

    /** The header on a request that does not move money: the same meaning, but a client may leave it out. */
    public static final String OPTIONAL_DESCRIPTION = "Optional. " + DESCRIPTION + " The key is the caller's: another "
            + "user's key of the same text is another key. Without one, a retry is a second request.";

    /**
     * The body as the request hash reads it: properties in alphabetical order, nulls left out, so that a body that
     * leaves a field out and one that sends it as null are the same request, and no formatting of the client's changes
     * the hash.
     */
    private static final ObjectMapper CANONICAL_JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private IdempotencyKeys() {
    }

    /**
     * The command as the caller sent it: with the caller's request key when the request carries an
     * {@code Idempotency-Key} (checked like {@link #require}: 400 when it is blank, too long, …), as it is otherwise.
     * The single writer then decides it once per key ({@link KeyedCommand}).
     *
     * @param body the request's body as read, or null when it has none
     */
    public static <T> LedgerCommand<T> keyed(String idempotencyKey, User caller, HttpRequest<?> request, Object body,
                                             RecordKind<T> kind, LedgerCommand<T> command) {
        if (idempotencyKey == null) {
            return command;
        }
        return new KeyedCommand<>(requestKey(require(idempotencyKey), caller, request, body), kind, command);
    }

    /**
     * The caller's request key for a key already checked: scoped to the caller, with the SHA-256 of the request's method,
     * path and body. The body is hashed as read (canonical JSON), so "500.00" and "500.0" are two requests.
     */
    public static RequestKey requestKey(String idempotencyKey, User caller, HttpRequest<?> request, Object body) {
        String json;
        try {
            json = body == null ? "{}" : CANONICAL_JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body that was read from JSON is written as JSON again", e);
        }
        String hash = new Canonical().add(request.getMethodName()).add(request.getPath()).add(json).sha256();
        return new RequestKey(caller.id(), idempotencyKey, hash);
    }

    /**
     * The key a request that moves money books under: the caller's header, checked like {@link #require}, scoped to the
     * caller ({@link RequestKey#journalKey(long, String)}). Another user who sends the same text books their own
     * request, and never receives the first caller's transaction or gift.
     */
    public static String journalKey(String idempotencyKey, User caller) {
        return RequestKey.journalKey(caller.id(), require(idempotencyKey));
    }

    /** The key as given, or a 400 when it is blank, too long, holds control characters or is reserved. */
    public static String require(String key) {
        if (key == null || key.isBlank()) {
            throw Problems.invalid(HEADER, MISSING);
        }
        String problem = problem(key);
        if (problem != null) {
            throw Problems.invalid(HEADER, problem);
        }
        return key;
    }

    /** What is wrong with a given key, or null: the one rule for the header and for a CSV's key column. */
    public static String problem(String key) {
        if (key.length() > Limits.IDEMPOTENCY_KEY_CHARS_MAX) {
            return "must have at most " + Limits.IDEMPOTENCY_KEY_CHARS_MAX + " characters (idempotencyKeyCharsMax): it has "
                    + key.length();
        }
        if (key.chars().anyMatch(Character::isISOControl)) {
            return "must not contain control characters";
        }
        if (key.startsWith(LedgerLimits.INTERNAL_KEY_PREFIX)) {
            return "must not start with '" + LedgerLimits.INTERNAL_KEY_PREFIX + "': such keys name the ledger's own transactions";
        }
        return null;
    }
}
