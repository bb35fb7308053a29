package org.mingzhang.api.donations;

import io.micronaut.http.exceptions.ContentLengthExceededException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mingzhang.api.Limits;
import org.mingzhang.api.auth.Authenticator;
import org.mingzhang.api.edge.ContentEncodings;
import org.mingzhang.api.edge.IdempotencyKeys;
import org.mingzhang.api.edge.Input;
import org.mingzhang.api.edge.Text;
import org.mingzhang.api.problem.FieldError;
import org.mingzhang.api.problem.Problem;
import org.mingzhang.api.problem.ProblemException;
import org.mingzhang.api.problem.Problems;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.RecordGift;
import org.mingzhang.journal.Ledger;
import org.mingzhang.journal.LedgerBusyException;
import org.mingzhang.journal.Outcome;
import org.mingzhang.journal.RequestKey;
import org.mingzhang.user.User;

/**
 * Imports a CSV of gifts. The whole file is read and every row checked before anything is written, so
 * that a file with a broken header or too many rows writes nothing; then the valid rows go to the
 * ledger's queue a window at a time, and the single writer books them in shared database transactions.
 * Each row is its own command: a refused row writes nothing and the others go on; a row whose
 * idempotencyKey booked the same gift before is a replay, so a file can be sent again after a lost answer.
 */
@Singleton
final class DonationImport {

    /** How often, and after how long a first pause, a row is offered again while the ledger's queue is full. */
    private static final int BUSY_RETRIES_MAX = 50;
    private static final long BUSY_PAUSE_MS = 20;
    /** RFC 4180 (comma, double quotes), keeping blank lines so that line numbers match a spreadsheet's rows. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Ledger ledger;

    DonationImport(Ledger ledger) {
        this.ledger = ledger;
    }

    /** One data row: where it is, what it became, and the command while it waits for the ledger. */
    private static final class Row {
        final int line;
        final String key;
        RecordGift command;
        ImportRowResult result;

        Row(int line, String key) {
            this.line = line;
            this.key = key;
        }
    }

    /** Imports the file as {@code caller}, whose keys they are (each row's key is scoped to the caller, as a header is). */
    ImportResponse run(InputStream body, User caller) {
        List<Row> rows = read(body, caller);
        submit(rows);
        int created = 0;
        int replayed = 0;
        int refused = 0;
        int invalid = 0;
        List<ImportRowResult> results = new ArrayList<>(rows.size());
        for (Row row : rows) {
            switch (row.result.status()) {
                case CREATED -> created++;
                case REPLAYED -> replayed++;
                case REFUSED -> refused++;
                case INVALID -> invalid++;
            }
            results.add(row.result);
        }
        return new ImportResponse(rows.size(), created, replayed, refused, invalid, results);
    }

    /** Parses and checks every row; a problem with the file as a whole is a 400 before any row is booked. */
    private static List<Row> read(InputStream body, User caller) {
        List<Row> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(withoutByteOrderMark(body),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
             CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw Problems.invalid(null, "a CSV body is required: a header row ("
                        + String.join(",", DonationField.CSV_COLUMNS) + ") and one row per gift");
            }
            Map<String, Integer> columns = header(records.next());
            int line = 1;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                line++;
                if (blank(record)) {
                    continue;
                }
                if (rows.size() == DonationLimits.IMPORT_ROWS_MAX) {
                    throw Problems.invalid(null, "the CSV must have at most " + DonationLimits.IMPORT_ROWS_MAX
                            + " gift rows (importRowsMax); split it into several files: line " + line + " is one too many");
                }
                rows.add(row(record, line, columns, caller));
            }
        } catch (UncheckedIOException | IOException e) {
            throw unreadable(e instanceof UncheckedIOException u ? u.getCause() : e);
        }
        return rows;
    }

    /** The stream after a UTF-8 byte-order mark, which spreadsheets write at the start of "CSV UTF-8". */
    private static InputStream withoutByteOrderMark(InputStream body) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body == null ? InputStream.nullInputStream() : body, 3);
        byte[] start = in.readNBytes(3);
        boolean bom = start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF;
        if (!bom) {
            in.unread(start);
        }
        return in;
    }

    private static ProblemException unreadable(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ContentLengthExceededException) {
                // A chunked body carries no Content-Length for BodySizeFilter to judge; the server stops it here.
                return new ProblemException(Problems.ofStatus(413, "the CSV must have at most "
                        + DonationLimits.IMPORT_BYTES_MAX + " bytes (importBytesMax); split it into several files"));
            }
        }
        Problem undecodable = ContentEncodings.undecodable(e);
        if (undecodable != null) {
            return new ProblemException(undecodable);
        }
        if (e instanceof CharacterCodingException) {
            return Problems.invalid(null, "the CSV must be encoded in UTF-8 (in a spreadsheet, save as \"CSV UTF-8\"); "
                    + "it holds bytes that are not");
        }
        String why = e.getMessage() == null ? "" : e.getMessage().replaceAll("[\\r\\n]+", " ");
        boolean plain = !why.isBlank() && !why.contains("Exception") && !why.contains("java.") && !why.contains("org.");
        return Problems.invalid(null, "the CSV cannot be read" + (plain ? ": " + why : "")
                + "; a cell that holds a comma, a quote or a line break must be quoted, with quotes inside doubled");
    }

    /** The column of each name; every column of API.md must be there, and nothing else. */
    private static Map<String, Integer> header(CSVRecord header) {
        Map<String, Integer> columns = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> unknown = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) {
                errors.add(new FieldError(null, "column " + (i + 1) + " of the header has no name; remove the column"));
            } else if (!DonationField.CSV_COLUMNS.contains(name)) {
                unknown.add(name);
            } else if (columns.putIfAbsent(name, i) != null) {
                errors.add(new FieldError(name, "appears twice in the header"));
            }
        }
        for (String name : DonationField.CSV_COLUMNS) {
            if (!columns.containsKey(name)) {
                errors.add(new FieldError(name, "is a required column of the header (an empty cell in it means absent)"));
            }
        }
        List<String> sorted = new ArrayList<>(unknown);
        Collections.sort(sorted);
        for (String name : sorted) {
            errors.add(new FieldError(name, "is not a column of the import; the columns are "
                    + String.join(",", DonationField.CSV_COLUMNS)));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return columns;
    }

    private static boolean blank(CSVRecord record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static Row row(CSVRecord record, int line, Map<String, Integer> columns, User caller) {
        String key = cell(record, columns, DonationField.IDEMPOTENCY_KEY);
        Row row = new Row(line, key);
        if (record.size() != columns.size()) {
            row.result = invalid(row, List.of(new FieldError(null, "has " + record.size() + " cells where the header has "
                    + columns.size() + "; quote a cell that holds a comma")));
            return row;
        }
        Input input = new Input();
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            String refusal = Text.refusal(record.get(column.getValue()), Text.allowsLines(column.getKey()));
            if (refusal != null) {
                input.fail(column.getKey(), refusal);
            }
        }
        String checkedKey = idempotencyKey(key, input);
        String journalKey = checkedKey == null ? null : RequestKey.journalKey(caller.id(), checkedKey);
        DonationDraft draft = new DonationDraft(
                cell(record, columns, DonationField.FUND_CODE),
                cell(record, columns, DonationField.PROJECT_CODE),
                cell(record, columns, DonationField.AMOUNT),
                cell(record, columns, DonationField.CHANNEL),
                true,
                cell(record, columns, DonationField.DONOR_NAME),
                cell(record, columns, DonationField.DONOR_KIND),
                cell(record, columns, DonationField.DONOR_PHONE),
                cell(record, columns, DonationField.DONOR_ID_NUMBER),
                cell(record, columns, DonationField.DONOR_CREDIT_CODE),
                bool(record, columns, DonationField.DONOR_ANONYMOUS, input),
                bool(record, columns, DonationField.DONOR_PUBLIC_NAME_CONSENT, input),
                cell(record, columns, DonationField.RECEIVED_AT),
                cell(record, columns, DonationField.NOTE),
                cell(record, columns, DonationField.IN_KIND_DESCRIPTION) != null
                        || cell(record, columns, DonationField.IN_KIND_QUANTITY) != null
                        || cell(record, columns, DonationField.IN_KIND_VALUATION_BASIS) != null,
                cell(record, columns, DonationField.IN_KIND_DESCRIPTION),
                cell(record, columns, DonationField.IN_KIND_QUANTITY),
                cell(record, columns, DonationField.IN_KIND_VALUATION_BASIS));
        RecordGift command = DonationInput.read(draft, journalKey, Authenticator.actor(caller), true, input);
        if (!input.valid() || command == null) {
            row.result = invalid(row, errors(input));
            return row;
        }
        row.command = command;
        return row;
    }

    /** A cell as written, without surrounding spaces; an empty cell is absent. */
    private static String cell(CSVRecord record, Map<String, Integer> columns, DonationField field) {
        int i = columns.get(field.csv());
        if (i >= record.size()) {
            return null;
        }
        String value = record.get(i).strip();
        return value.isEmpty() ? null : value;
    }

    /** {@code true} or {@code false} in any case (spreadsheets write TRUE); empty means false. */
    private static Boolean bool(CSVRecord record, Map<String, Integer> columns, DonationField field, Input input) {
        String value = cell(record, columns, field);
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        input.fail(field.csv(), "must be true or false (or empty for false): " + value);
        return null;
    }

    /** The same rules as the Idempotency-Key header of {@code POST /donations}. */
    private static String idempotencyKey(String key, Input input) {
        String field = DonationField.IDEMPOTENCY_KEY.csv();
        if (key == null) {
            input.fail(field, "is required: a unique value per gift, the same each time the file is sent");
            return null;
        }
        String problem = IdempotencyKeys.problem(key);
        if (problem != null) {
            input.fail(field, problem);
            return null;
        }
        return key;
    }

    private static List<FieldError> errors(Input input) {
        try {
            input.validate();
        } catch (ProblemException e) {
            return e.problem().errors();
        }
        throw new IllegalStateException("a row without a command must have errors");
    }

    private static ImportRowResult invalid(Row row, List<FieldError> errors) {
        return new ImportRowResult(row.line, row.key, ImportRowStatus.INVALID, null, null, errors);
    }

    /**
     * Offers the valid rows to the ledger in windows: the writer drains its queue in batches and commits each
     * batch in one database transaction, so a window keeps it busy without crowding out other clients.
     */
    private void submit(List<Row> rows) {
        List<Row> pending = rows.stream().filter(r -> r.command != null).toList();
        for (int from = 0; from < pending.size(); from += DonationLimits.IMPORT_WINDOW_COMMANDS) {
            List<Row> window = pending.subList(from, Math.min(pending.size(), from + DonationLimits.IMPORT_WINDOW_COMMANDS));
            List<CompletableFuture<Outcome<Gift>>> futures = new ArrayList<>(window.size());
            for (Row row : window) {
                futures.add(ledger.submit(row.command));
            }
            for (int i = 0; i < window.size(); i++) {
                Row row = window.get(i);
                row.result = result(row, await(futures.get(i), row.command));
                row.command = null;
            }
        }
    }

    /** The row's outcome; a row the full queue turned away is offered again after a pause, as a client would. */
    private Outcome<Gift> await(CompletableFuture<Outcome<Gift>> future, RecordGift command) {
        for (int attempt = 1; ; attempt++) {
            try {
                // Bounded: a database that stops answering ends the import with 503; sending the file again replays
                // the rows booked so far.
                return ledger.await(future);
            } catch (LedgerBusyException busy) {
                if (attempt > BUSY_RETRIES_MAX) {
                    // Answered 503 with Retry-After: sending the file again replays the rows booked so far.
                    throw busy;
                }
                pause(BUSY_PAUSE_MS * Math.min(attempt, 10));
                future = ledger.submit(command);
            }
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the ledger was busy", e);
        }
    }

    private static ImportRowResult result(Row row, Outcome<Gift> outcome) {
        return switch (outcome) {
            case Outcome.Accepted<Gift> a -> new ImportRowResult(row.line, row.key,
                    a.replayed() ? ImportRowStatus.REPLAYED : ImportRowStatus.CREATED,
                    a.value().id(), a.value().receiptNo(), null);
            case Outcome.Rejected<Gift> r -> new ImportRowResult(row.line, row.key, ImportRowStatus.REFUSED, null, null,
                    List.of(new FieldError(DonationField.fromLedger(r.field(), true), r.detail())));
        };
    }
}
