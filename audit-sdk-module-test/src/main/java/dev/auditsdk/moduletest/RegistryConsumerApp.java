package dev.auditsdk.moduletest;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.registry.VendorContext;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorRegistry;
import dev.auditsdk.registry.VendorSettings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads any vendor's audit log through the vendor registry, as a modular application configured
 * by name would, and prints {@code entry <id> <time> <OCSF class_uid>} per entry ({@code none} if the OCSF event had none), then
 * {@code checkpoint <json>} and {@code module <name>} of the vendor's source class.
 *
 * <p>Arguments: {@code <vendor> <from> <to> <key>=<value>...} (the vendor's registry options).
 */
public final class RegistryConsumerApp {

    private RegistryConsumerApp() {
    }

    /**
     * @param args vendor, from, to, then the settings
     * @throws Exception if the read fails (the exit status is then not 0)
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: RegistryConsumerApp <vendor> <from> <to> <key>=<value>...");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        VendorPlugin plugin = VendorRegistry.discover().find(args[0])
                .orElseThrow(() -> new IllegalArgumentException("unknown vendor " + args[0]));
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            values.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        AuditLogQuery query = AuditLogQuery.builder().from(Instant.parse(args[1])).to(Instant.parse(args[2])).build();
        try (AuditLogSource<? extends AuditLogEntry> source = plugin.openSource(VendorSettings.of(plugin, values), new Quiet())) {
            read(source, query, out);
            out.println("module " + source.getClass().getModule().getName());
        }
    }

    private static <E extends AuditLogEntry> void read(AuditLogSource<E> source, AuditLogQuery query, PrintStream out) {
        try (AuditLogStream<E> entries = source.fetch(query)) {
            for (E e : entries) {
                out.println("entry " + e.id() + " " + e.timestamp() + " " + e.toAuditEvent().toOcsf().path("class_uid").asText("none"));
            }
            out.println("checkpoint " + entries.checkpoint().serialize());
        }
    }

    /** No terminal, warnings on stderr, no listeners. */
    private static final class Quiet implements VendorContext {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public char[] promptSecret(String prompt) {
            throw new IllegalStateException("no terminal to ask: " + prompt);
        }

        @Override
        public void warn(String message) {
            System.err.println("warning: " + message);
        }

        @Override
        public TransportListener transportListener() {
            return TransportListener.NONE;
        }
    }
}
