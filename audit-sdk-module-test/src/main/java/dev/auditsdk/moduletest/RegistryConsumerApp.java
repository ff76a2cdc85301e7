package dev.auditsdk.moduletest;

import dev.auditsdk.core.AuditLogEntry;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads any vendor's audit log through the vendor registry, as a modular application configured
 * by name would, and prints what it read ({@link EntryLines}) and {@code module <name>} of the
 * vendor's source class.
 *
 * <p>Arguments: {@code <vendor> <from> <to> <key>=<value>...} (the vendor's registry options).
 */
public final class RegistryConsumerApp {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryConsumerApp.class);

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
            EntryLines.print(source, query, out);
            out.println("module " + source.getClass().getModule().getName());
        }
    }

    /** No terminal, warnings logged, no listeners. */
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
            LOG.warn("{}", message);
        }

        @Override
        public TransportListener transportListener() {
            return TransportListener.NONE;
        }
    }
}
