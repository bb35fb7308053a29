package org.mingzhang.register;

import java.time.Instant;

/**
 * One line of the memorandum register (备查簿) of gifts in kind whose value cannot be measured reliably: goods received
 * ({@link GoodsDirection#IN}, saying from whom and why they are not valued) or handed out from what one IN entry
 * received ({@link GoodsDirection#OUT}, saying to whom). An entry is outside the books: no journal transaction names
 * it. It is exactly one of the two shapes, counts whole units, and is never changed once written. Immutable.
 *
 * @param projectId    the project the goods were given for, or null; an OUT entry keeps its IN entry's
 * @param description  what the goods are ("旧衣物"); an OUT entry repeats its IN entry's
 * @param quantity     how many {@code unit}s, at least 1
 * @param unit         what one is counted in ("袋", "件"); an OUT entry repeats its IN entry's
 * @param counterparty the donor of an IN entry, the recipient of an OUT entry
 * @param whyNotValued why the value cannot be measured reliably; an IN entry's only, null for an OUT entry
 * @param inEntryId    the IN entry an OUT entry draws on; null for an IN entry
 * @param recordedBy   who wrote it down, as the journal writes it ({@code #7 王会计})
 */
public record GoodsEntry(long id, String idempotencyKey, String requestHash, long fundId, Long projectId,
                         GoodsDirection direction, String description, long quantity, String unit, String counterparty,
                         String whyNotValued, Long inEntryId, Instant occurredAt, String note, String recordedBy,
                         Instant recordedAt) {

    public static final int DESCRIPTION_LENGTH_MAX = 500;
    public static final int UNIT_LENGTH_MAX = 20;
    /** A donor's or a recipient's name. */
    public static final int COUNTERPARTY_LENGTH_MAX = 100;
    public static final int WHY_NOT_VALUED_LENGTH_MAX = 500;
    public static final int NOTE_LENGTH_MAX = 500;
    /** More of anything than a community fund takes in at once is a typing mistake (a phone number in the quantity). */
    public static final long QUANTITY_MAX = 1_000_000;
    /**
     * How many OUT entries one IN entry may have: each lot is listed with all its issues, so this bounds what one list
     * item carries. Goods handed to more households than this are recorded in groups ("3号楼 40 户").
     */
    public static final int ISSUES_PER_ENTRY_MAX = 1_000;

    public GoodsEntry {
        if (direction == null) {
            throw new IllegalArgumentException("goods register entry " + id + " has no direction");
        }
        if ((direction == GoodsDirection.IN) != (whyNotValued != null)) {
            throw new IllegalArgumentException("goods register entry " + id + " is " + direction + " but whyNotValued is "
                    + whyNotValued + ": an IN entry, and only an IN entry, says why its goods are not valued");
        }
        if ((direction == GoodsDirection.OUT) != (inEntryId != null)) {
            throw new IllegalArgumentException("goods register entry " + id + " is " + direction + " but inEntryId is "
                    + inEntryId + ": an OUT entry, and only an OUT entry, names the IN entry it draws on");
        }
        if (inEntryId != null && inEntryId >= id) {
            throw new IllegalArgumentException("goods register entry " + id + " draws on entry " + inEntryId
                    + ", which is not an earlier one");
        }
        requireQuantity(quantity);
        requireText(description, "description", DESCRIPTION_LENGTH_MAX);
        requireText(unit, "unit", UNIT_LENGTH_MAX);
        requireText(counterparty, "counterparty", COUNTERPARTY_LENGTH_MAX);
        if (whyNotValued != null) {
            requireText(whyNotValued, "whyNotValued", WHY_NOT_VALUED_LENGTH_MAX);
        }
        requireNote(note);
        if (occurredAt == null || recordedAt == null || recordedBy == null) {
            throw new IllegalArgumentException("goods register entry " + id + " lacks its time or who recorded it");
        }
    }

    /** A count of whole units, 1 to {@link #QUANTITY_MAX}. */
    static long requireQuantity(long quantity) {
        if (quantity < 1 || quantity > QUANTITY_MAX) {
            throw new IllegalArgumentException("quantity must be between 1 and " + QUANTITY_MAX + ": " + quantity);
        }
        return quantity;
    }

    static String requireText(String value, String name, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must have 1 to " + max + " characters, not blank: "
                    + (value == null ? "it is missing" : "it has " + value.length()));
        }
        return value;
    }

    static String requireNote(String note) {
        if (note != null && (note.isBlank() || note.length() > NOTE_LENGTH_MAX)) {
            throw new IllegalArgumentException("note must be absent or have 1 to " + NOTE_LENGTH_MAX + " characters, not blank");
        }
        return note;
    }
}
