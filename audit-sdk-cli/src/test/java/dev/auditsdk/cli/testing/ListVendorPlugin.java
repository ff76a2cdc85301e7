package dev.auditsdk.cli.testing;

import dev.auditsdk.registry.VendorContext;
import dev.auditsdk.registry.VendorOption;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorSettings;
import dev.auditsdk.core.AuditLogQuery;
import dev.auditsdk.core.AuditLogSource;
import dev.auditsdk.core.AuditLogStream;
import dev.auditsdk.core.Checkpoint;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A TEST-ONLY vendor over a generated list (registered through META-INF/services in the test
 * resources), to exercise the CLI's generic machinery: formats, checkpoints, exit codes, secrets.
 * Not a product vendor.
 */
public final class ListVendorPlugin implements VendorPlugin {
    /** The password the source accepts. */
    public static final String PASSWORD = "list-S3CR3T-pa55";

    @Override
    public String name() {
        return "testlist";
    }

    @Override
    public String description() {
        return "test-only generated list";
    }

    @Override
    public List<VendorOption> options() {
        return List.of(
                VendorOption.builder().name("count").label("N").description("entries").defaultValue("50").build(),
                VendorOption.builder().name("user").label("USER").description("user name").defaultValue("alice").build(),
                VendorOption.builder().from(VendorOption.secret("password", "SECRET", "the password")).required(true).build(),
                VendorOption.text("delay-ms", "MS", "pause per entry"),
                VendorOption.text("fail-at", "N", "fail before entry N"),
                VendorOption.text("fail-kind", "KIND", "auth, api, data, network, leak, or render (entry N cannot be written)"),
                VendorOption.text("grow", "N", "entries the list grows by on every fetch"));
    }

    @Override
    public AuditLogSource<ListEntry> openSource(VendorSettings settings, VendorContext context) {
        int count = settings.integer("count").orElse(50);
        int delay = settings.integer("delay-ms").orElse(0);
        int failAt = settings.integer("fail-at").orElse(-1);
        String kind = settings.get("fail-kind").orElse("api");
        String password = settings.require("password");
        int grow = settings.integer("grow").orElse(0);
        java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
        return new AuditLogSource<>() {
            @Override
            public String vendor() {
                return "testlist";
            }

            @Override
            public AuditLogStream<ListEntry> fetch(AuditLogQuery query) {
                if (!PASSWORD.equals(password)) {
                    throw new AuditAuthenticationException("login refused for user '" + settings.require("user")
                            + "' at POST /login", 401, "BAD_LOGIN", "req-1", null);
                }
                return new ListStream(query, count + grow * fetches.getAndIncrement(), delay, failAt, kind, password);
            }

            @Override
            public void close() {
            }
        };
    }

    /** Entries of {@code [from, to)} after the checkpoint, ascending, with an exact checkpoint. */
    static final class ListStream implements AuditLogStream<ListEntry> {
        private final AuditLogQuery query;
        private final int count;
        private final int delay;
        private final int failAt;
        private final String kind;
        private final String password;
        private Checkpoint checkpoint;
        private final Set<String> idsAtWatermark = new HashSet<>();
        private int next;
        private long delivered;

        ListStream(AuditLogQuery query, int count, int delay, int failAt, String kind, String password) {
            this.query = query;
            this.count = count;
            this.delay = delay;
            this.failAt = failAt;
            this.kind = kind;
            this.password = password;
            this.checkpoint = query.resumeFrom().orElse(Checkpoint.startingAt(query.start()));
            idsAtWatermark.addAll(checkpoint.deliveredIds());
        }

        @Override
        public Iterator<ListEntry> iterator() {
            return new Iterator<>() {
                private ListEntry pending;

                @Override
                public boolean hasNext() {
                    if (pending != null) {
                        return true;
                    }
                    if (query.limit().isPresent() && delivered >= query.limit().getAsLong()) {
                        return false;
                    }
                    while (next < count) {
                        int i = next++;
                        boolean broken = i == failAt && kind.equals("render");
                        if (i == failAt && !broken) {
                            fail();
                        }
                        ListEntry e = new ListEntry(i, broken);
                        if (query.admits(e.timestamp(), e.id())) {
                            pending = e;
                            return true;
                        }
                    }
                    return false;
                }

                @Override
                public ListEntry next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    ListEntry e = pending;
                    pending = null;
                    if (delay > 0) {
                        try {
                            Thread.sleep(delay);
                        } catch (InterruptedException ex) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    if (!e.timestamp().equals(checkpoint.watermark())) {
                        idsAtWatermark.clear();
                    }
                    idsAtWatermark.add(e.id());
                    checkpoint = Checkpoint.of(e.timestamp(), e.timestamp(), idsAtWatermark, null);
                    delivered++;
                    return e;
                }
            };
        }

        private void fail() {
            switch (kind) {
                case "auth":
                    throw new AuditAuthenticationException("token expired and re-login refused", 401, null, null, null);
                case "data":
                    throw new AuditDataException("line 17: expected a JSON object, got '<html>'", 17, -1, null);
                case "network":
                    throw new AuditTransportException("GET http://127.0.0.1:1/list failed after 3 attempts: connection refused");
                case "leak":
                    throw new AuditApiException("server echoed the password " + password, 500, null, null, null);
                default:
                    throw new AuditApiException("GET /list answered 400: bad request", 400, "E400", "req-9", "bad request");
            }
        }

        @Override
        public Stream<ListEntry> stream() {
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), 0), false).onClose(this::close);
        }

        @Override
        public Checkpoint checkpoint() {
            return checkpoint;
        }

        @Override
        public void close() {
        }
    }
}
