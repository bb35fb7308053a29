package org.mingzhang.store;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.mingzhang.journal.StorageUnavailableException;

/**
 * Tells a database that cannot be reached (refused, lost or timed-out connections, a server shutting down)
 * from a database that refused what was asked of it (a constraint, a trigger, a bug). Only the first is
 * worth retrying later; it becomes the core's {@link StorageUnavailableException} (HTTP 503 with Retry-After).
 */
public final class StorageFailures {

    /**
     * SQLSTATEs of a server that is going away or not taking connections: admin_shutdown, crash_shutdown,
     * cannot_connect_now and too_many_connections (PostgreSQL); class 08 (connection exception) is matched as a class.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final int CAUSES_MAX = 16;

    private StorageFailures() {
    }

    /** True when the failure, or anything that caused it, says the database could not be reached. */
    public static boolean isUnavailable(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < CAUSES_MAX; depth++, t = t.getCause()) {
            if (t instanceof StorageUnavailableException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SocketTimeoutException
                    || t instanceof ConnectException
                    || t instanceof SocketException
                    || t instanceof EOFException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The failure as the core's {@link StorageUnavailableException} when it is one, else as it was. */
    public static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof StorageUnavailableException || !isUnavailable(failure)) {
            return failure;
        }
        return unavailable(failure);
    }

    static StorageUnavailableException unavailable(Throwable cause) {
        return new StorageUnavailableException("the database cannot be reached: " + rootMessage(cause), cause);
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t.getCause() != null && depth < CAUSES_MAX; depth++) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Makes every jOOQ query that fails for want of a database throw {@link StorageUnavailableException}. */
    static final class Translator implements ExecuteListener {
        @Override
        public void exception(ExecuteContext ctx) {
            RuntimeException e = ctx.exception();
            if (e != null && !(e instanceof StorageUnavailableException)
                    && (isUnavailable(e) || (ctx.sqlException() != null && isUnavailable(ctx.sqlException())))) {
                ctx.exception(unavailable(ctx.sqlException() != null ? ctx.sqlException() : e));
            }
        }
    }
}
