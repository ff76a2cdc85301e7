package dev.auditsdk.core.json;

import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditSdkException;
import java.io.IOException;
import java.util.function.Function;

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
        try {
            T entry = map(source);
            if (entry == null) {
                throw new AuditDataException("the entry " + where + " mapped to nothing (null)", line, offset, null);
            }
            return entry;
        } catch (AuditDataException e) {
            if (e.line() >= 0 || e.offset() >= 0) {
                throw e;
            }
            throw new AuditDataException("cannot read the entry " + where + ": " + e.getMessage(), line, offset, e);
        } catch (AuditSdkException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new AuditDataException("cannot read the entry " + where + ": " + Excerpt.of(e.getMessage(), 200),
                    line, offset, e);
        }
    }
}
