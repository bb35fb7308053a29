package org.mingzhang.bench.crash;

/**
 * One write the harness sent, and what became of it. A write is {@link State#ACKNOWLEDGED} once the service answered
 * it with 2xx (then the service has promised it forever); {@link State#REFUSED} on a 4xx (then it must have written
 * nothing); {@link State#UNKNOWN} while its answer was lost (the service was killed, a 503, a dropped connection),
 * until the audit after the restart resolves it: by sending it again with the same key, as a client would, or by
 * looking for it where it has no key; {@link State#ABSENT} when it never reached the service or the audit found it
 * was never made (then nothing of it may be there).
 */
final class Write {

    enum Kind { GIFT, REFUND, DISBURSEMENT_REQUEST, DISBURSEMENT_APPROVAL, DISBURSEMENT_PAYMENT, POOL_CREATION, POOL_CLOSE }

    enum State { ACKNOWLEDGED, REFUSED, UNKNOWN, ABSENT }

    final Kind kind;
    final String method;
    final String path;
    final String token;
    /** The Idempotency-Key, or null for a write that takes none. */
    final String key;
    final String body;
    /** What names the write in what it creates: a gift's note, a disbursement's invoice number, a pool's code. */
    final String mark;
    /** The project or fund it concerns, where one does. */
    final String projectCode;
    final int cycle;
    /** The disbursement or donation it acts on, where it acts on one. */
    volatile Long targetId;

    volatile State state = State.UNKNOWN;
    /** The answer that acknowledged it (the original, which replays must match). */
    volatile Http.Answer acknowledgement;
    /** Acknowledged only by the audit's replay, after its first answer was lost. */
    volatile boolean resolvedByReplay;
    /** The first answer it got, whatever it was. */
    volatile Http.Answer firstAnswer;

    Write(Kind kind, String method, String path, String token, String key, String body, String mark, String projectCode,
          int cycle, Long targetId) {
        this.kind = kind;
        this.method = method;
        this.path = path;
        this.token = token;
        this.key = key;
        this.body = body;
        this.mark = mark;
        this.projectCode = projectCode;
        this.cycle = cycle;
        this.targetId = targetId;
    }

    /**
     * Records an answer: 2xx acknowledges, 4xx refuses, a connection that could not be made means the write never
     * reached the service (so nothing of it may be there), anything else leaves the write unknown.
     */
    void answered(Http.Answer a) {
        if (firstAnswer == null) {
            firstAnswer = a;
        }
        if (a.status() == Http.Answer.REFUSED_CONNECTION && state == State.UNKNOWN) {
            state = State.ABSENT;
        } else if (a.ok()) {
            acknowledgement = a;
            state = State.ACKNOWLEDGED;
        } else if (a.status() >= 400 && a.status() < 500) {
            state = State.REFUSED;
        }
    }

    /** The id the acknowledging answer gave (a donation's, a disbursement's), or null. */
    Long answeredId() {
        return acknowledgement == null || acknowledgement.body().path("id").isMissingNode() ? null
                : acknowledgement.body().path("id").asLong();
    }

    @Override
    public String toString() {
        return kind + " " + method + " " + path + (key == null ? "" : " key " + key) + " [" + state + ", cycle " + cycle + "]";
    }
}
