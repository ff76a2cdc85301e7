package dev.auditsdk.moduletest;

import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.lifecycle.LifecycleAuditLogSource;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads a Lifecycle audit log through the user API only, as an application on the module path
 * would, and prints what it read ({@link EntryLines}), then where the classes came from
 * ({@code module <name>} lines), then whether the machinery is sealed ({@code spi sealed} when a
 * reflective call into {@code dev.auditsdk.core.spi} is refused).
 *
 * <p>Arguments: {@code <baseUrl> <user> <password> <from> <to>} (ISO-8601 instants).
 */
public final class ConsumerApp {

    private ConsumerApp() {
    }

    /**
     * @param args base URL, user, password, from, to
     * @throws Exception if the read fails (the exit status is then not 0)
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: ConsumerApp <baseUrl> <user> <password> <from> <to>");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        AuditLogQuery query = AuditLogQuery.builder().from(Instant.parse(args[3])).to(Instant.parse(args[4])).build();
        try (LifecycleAuditLogSource source = LifecycleAuditLogSource.builder().baseUrl(URI.create(args[0]))
                .credentials(args[1], args[2]).build()) {
            EntryLines.print(source, query, out);
        } catch (AuditSdkException e) {
            out.println("failed " + e.getMessage());
            throw e;
        }
        out.println("module " + ConsumerApp.class.getModule().getName());
        out.println("module " + LifecycleAuditLogSource.class.getModule().getName());
        out.println("module " + AuditLogQuery.class.getModule().getName());
        out.println(spiSealed() ? "spi sealed" : "spi open");
    }

    /** Whether a reflective call into core's machinery is refused, as the module declarations intend. */
    private static boolean spiSealed() {
        try {
            Class<?> transport = Class.forName("dev.auditsdk.core.spi.http.HttpTransport");
            transport.getMethod("builder").invoke(null);
            return false;
        } catch (IllegalAccessException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the transport class was expected to exist", e);
        }
    }
}
