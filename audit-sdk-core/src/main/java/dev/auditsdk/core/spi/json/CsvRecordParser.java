package dev.auditsdk.core.spi.json;

import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records of fields, tracking physical line numbers: fields
 * separated by commas, optionally quoted; inside quotes, commas, CR, LF and doubled quotes
 * ({@code ""}) are data. Records end with CRLF, LF or a lone CR, or at the end of the input.
 * Empty lines are skipped. A quote inside an unquoted field is taken literally.
 *
 * <p>A record may span at most {@link ReadLimits#maxCsvRecordChars()} characters, every one
 * counted but the line break that ends it (separators, quotes and quoted line breaks too, so a
 * line of commas cannot slip by), and have at most
 * {@link ReadLimits#maxCsvFields()} fields.
 */
final class CsvRecordParser {
    private final CharSource in;
    private final int maxRecordChars;
    private final int maxFields;
    private long line = 1;
    private long recordLine;
    private int recordChars;

    CsvRecordParser(CharSource in, ReadLimits limits) {
        this.in = in;
        this.maxRecordChars = limits.maxCsvRecordChars();
        this.maxFields = limits.maxCsvFields();
    }

    /** @return the 1-based line on which the record returned last starts */
    long recordLine() {
        return recordLine;
    }

    /** @return the 1-based line the parser is on */
    long line() {
        return line;
    }

    /** @return the next record's fields, or null at the end of the input */
    List<String> next() throws IOException {
        int c = skipEmptyLines();
        if (c < 0) {
            return null;
        }
        recordLine = line;
        recordChars = 1;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"') {
                readQuoted(field);
                c = read();
                if (c != ',' && c != '\r' && c != '\n' && c >= 0) {
                    throw new AuditDataException("CSV record starting at line " + recordLine + ": unexpected character '"
                            + (char) c + "' after a closing quote on line " + line, recordLine, -1, null);
                }
            } else {
                while (c != ',' && c != '\r' && c != '\n' && c >= 0) {
                    field.append((char) c);
                    c = read();
                }
            }
            if (fields.size() == maxFields) {
                throw ReadLimits.exceeded("maxCsvFields", maxFields, "the number of fields of the CSV record starting at line "
                        + recordLine, recordLine, -1);
            }
            fields.add(field.toString());
            field.setLength(0);
            if (c == ',') {
                c = read();
                continue;
            }
            endLine(c);
            return fields;
        }
    }

    private int skipEmptyLines() throws IOException {
        int c = in.read();
        while (c == '\r' || c == '\n') {
            endLine(c);
            c = in.read();
        }
        return c;
    }

    private void readQuoted(StringBuilder field) throws IOException {
        while (true) {
            int c = in.read();
            count(c);
            if (c < 0) {
                throw new AuditDataException("CSV record starting at line " + recordLine
                        + ": unterminated quoted field (the input ended inside quotes)", recordLine, -1, null);
            }
            if (c == '"') {
                if (in.peek() != '"') {
                    return;
                }
                count(in.read());
            } else if (c == '\n' || (c == '\r' && in.peek() != '\n')) {
                line++;
            }
            field.append((char) c);
        }
    }

    /**
     * The record's next character outside quotes, counted against the limit unless it is the
     * line break that ends the record; -1 at the end of the input.
     */
    private int read() throws IOException {
        int c = in.read();
        if (c != '\r' && c != '\n') {
            count(c);
        }
        return c;
    }

    /** Counts a character of the record (none at the end of the input) against the limit. */
    private void count(int c) {
        if (c >= 0 && ++recordChars > maxRecordChars) {
            throw ReadLimits.exceeded("maxCsvRecordChars", maxRecordChars, "the CSV record starting at line " + recordLine
                    + " (an unterminated quote?)", recordLine, -1);
        }
    }

    private void endLine(int c) throws IOException {
        if (c == '\r') {
            if (in.peek() == '\n') {
                in.read();
            }
            line++;
        } else if (c == '\n') {
            line++;
        }
    }
}
