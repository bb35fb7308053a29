package org.mingzhang.journal;

import java.util.Optional;
import java.util.function.Function;

/**
 * A kind of record that keyed requests make or change (a project, a need, a disbursement): how the writer names one
 * for the request key it keeps with it, and how it finds that record again, as it now stands in committed storage,
 * to answer a repeat of the request.
 *
 * @param name  kept with the key ({@code PROJECT}); at most {@link #NAME_LENGTH_MAX} characters
 * @param idOf  the record's id or code, at most {@link #ID_LENGTH_MAX} characters
 * @param find  the record with that id as committed storage holds it, or empty
 * @param <T>   the record, as the command that makes it answers
 */
public record RecordKind<T>(String name, Function<? super T, String> idOf, Function<String, Optional<T>> find) {

    public static final int NAME_LENGTH_MAX = 32;
    public static final int ID_LENGTH_MAX = 100;

    public RecordKind {
        if (name == null || name.isBlank() || name.length() > NAME_LENGTH_MAX) {
            throw new IllegalArgumentException("a record kind's name has 1 to " + NAME_LENGTH_MAX + " characters: " + name);
        }
        if (idOf == null || find == null) {
            throw new IllegalArgumentException("a record kind names and finds its records");
        }
    }

    /** The id of a record this kind names, checked to fit storage. */
    String id(T record) {
        String id = idOf.apply(record);
        if (id == null || id.isEmpty() || id.length() > ID_LENGTH_MAX) {
            throw new IllegalStateException(name + " record id must have 1 to " + ID_LENGTH_MAX + " characters: " + id);
        }
        return id;
    }
}
