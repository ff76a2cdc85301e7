package dev.auditsdk.core.spi.json;

import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditSdkException;
import java.io.IOException;
import java.util.function.Function;
import dev.auditsdk.core.spi.util.Excerpt;

/**
 * Turns a parsed record into the caller's entry type; any failure becomes an
 * {@link AuditDataException} that names where the record was.
 */
@FunctionalInterface
interface EntryMapper<S, T> {

    T map(S source) throws IOException;

    static <S, T> EntryMapper<S, T> of(Function<? super S, ? extends T> function) {
        return function::apply;
    }

    default T apply(S source, String where, long line, long offset) {
        T entry;
        try {
            entry = map(source);
        } catch (IOException | RuntimeException e) {
            throw failure(e, where, line, offset);
        }
        if (entry == null) {
            throw new AuditDataException("the entry " + where + " mapped to nothing (null)", line, offset, null);
        }
        return entry;
    }

    /** As {@link #apply(Object, String, long, long)} for a record known by its line; the text is built only on failure. */
    default T applyAtLine(S source, long line) {
        T entry;
        try {
            entry = map(source);
        } catch (IOException | RuntimeException e) {
            throw failure(e, "at line " + line, line, -1);
        }
        if (entry == null) {
            throw new AuditDataException("the entry at line " + line + " mapped to nothing (null)", line, -1, null);
        }
        return entry;
    }

    /** The failure to raise for {@code e}, raised while mapping the entry {@code where}. */
    static RuntimeException failure(Exception e, String where, long line, long offset) {
        if (e instanceof AuditDataException) {
            AuditDataException data = (AuditDataException) e;
            if (data.line() >= 0 || data.offset() >= 0) {
                return data;
            }
            return new AuditDataException("cannot read the entry " + where + ": " + e.getMessage(), line, offset, e);
        }
        if (e instanceof AuditSdkException) {
            return (AuditSdkException) e;
        }
        return new AuditDataException("cannot read the entry " + where + ": " + Excerpt.of(e.getMessage(), 200),
                line, offset, e);
    }
}
