package org.mingzhang.api.donations;

import org.mingzhang.gift.Donor;
import org.mingzhang.gift.InKind;
import org.mingzhang.gift.RecordGift;
import org.mingzhang.gift.RefundGift;
import org.mingzhang.journal.LedgerLimits;

/**
 * The limits the donation endpoints check, taken from the core's gift types so that the 400 a client
 * gets and the invariant the core asserts never disagree. Compile-time constants, because OpenAPI
 * annotations quote them. (They belong with the others in {@code api.Limits}; they live here until that
 * shared file can take them.)
 */
public final class DonationLimits {

    public static final int PROJECT_CODE_CHARS_MAX = LedgerLimits.CODE_LENGTH_MAX;
    /** A donor's name, phone, ID number and credit code. */
    public static final int DONOR_FIELD_CHARS_MAX = Donor.FIELD_LENGTH_MAX;
    /** A gift in kind's description, quantity and valuation basis. */
    public static final int IN_KIND_FIELD_CHARS_MAX = InKind.FIELD_LENGTH_MAX;
    public static final int NOTE_CHARS_MAX = RecordGift.NOTE_LENGTH_MAX;
    public static final int REFUND_REASON_CHARS_MAX = RefundGift.REASON_LENGTH_MAX;

    /** Rows in one CSV import (about 15 MB); a larger batch is split into several files. */
    public static final int IMPORT_ROWS_MAX = 100_000;
    /** The largest CSV import body: room for {@link #IMPORT_ROWS_MAX} rows with long notes. */
    public static final long IMPORT_BYTES_MAX = 32L * 1024 * 1024;
    /**
     * The largest JSON body of any other endpoint. A manual entry of 200 postings is about 30 kB; anything
     * near this is a mistake or an attack. The server itself accepts up to {@link #IMPORT_BYTES_MAX}
     * ({@code micronaut.server.max-request-size}) so that an import fits.
     */
    public static final long JSON_BODY_BYTES_MAX = 1024L * 1024;
    /**
     * Import rows in flight in the ledger's queue at once: enough for the writer to fill its batches, far
     * below the queue's capacity so that other clients' requests still find room.
     */
    public static final int IMPORT_WINDOW_COMMANDS = 2_000;

    private DonationLimits() {
    }
}
