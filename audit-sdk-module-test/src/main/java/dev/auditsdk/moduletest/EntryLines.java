package dev.auditsdk.moduletest;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import java.io.PrintStream;

/**
 * What the consumers print of a read, the lines the test compares: {@code entry <id> <time>
 * <OCSF class_uid>} per entry ({@code none} if the OCSF event had none; building it exercises
 * Jackson's access to the modules), then {@code checkpoint <json>}.
 */
final class EntryLines {

    private EntryLines() {
    }

    static <E extends AuditLogEntry> void print(AuditLogSource<E> source, AuditLogQuery query, PrintStream out) {
        try (AuditLogStream<E> entries = source.fetch(query)) {
            for (E e : entries) {
                out.println("entry " + e.id() + " " + e.timestamp() + " "
                        + e.toAuditEvent().toOcsf().path("class_uid").asText("none"));
            }
            out.println("checkpoint " + entries.checkpoint().serialize());
        }
    }
}
