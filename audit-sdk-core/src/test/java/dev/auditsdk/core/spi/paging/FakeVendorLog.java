package dev.auditsdk.core.spi.paging;

import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.spi.json.JsonLinesReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import dev.auditsdk.core.spi.util.CloseableIterator;

/**
 * In-memory fake vendors serving a generated audit log through the page shapes our pagers talk
 * to (offset pages, continuation tokens, time windows, streamed JSON Lines bodies), for the
 * property tests in {@link PagerExactlyOnceProperties}. They are the vendor side only: our own
 * classes are used as they are.
 *
 * <p>Both logs may <em>grow</em> while they are read, as a live log does, from a finite list of
 * pending entries; {@link #grown()} counts how many arrived, {@link #settled()} says none is left.
 * Each run, {@link #beginRun(int)} may arm a transport failure at the n-th request of that run.
 * Thread-safe (one monitor): a parallel pager fetches pages from several threads, and a page
 * fetched ahead may still be answered after its run ended.
 */
abstract class FakeVendorLog {
    final Random random;
    private int requests;
    private int failAtRequest = -1;
    private boolean calm;
    private int grown;

    FakeVendorLog(long seed) {
        this.random = new Random(seed);
    }

    /**
     * @param failAtRequest the request of the coming run (1 = its first) that fails; -1 for none
     * @param calm true: no failure at all in the coming run (no body is cut either)
     */
    synchronized void beginRun(int failAtRequest, boolean calm) {
        this.requests = 0;
        this.failAtRequest = calm ? -1 : failAtRequest;
        this.calm = calm;
    }

    final boolean calm() {
        return calm;
    }

    /** Counts a request of this run; throws the armed transport failure when it is its turn. */
    final void request() {
        if (++requests == failAtRequest) {
            throw new AuditTransportException("injected failure of request " + requests);
        }
    }

    final void countGrowth() {
        grown++;
    }

    /** @return how many entries were added to the log so far */
    final synchronized int grown() {
        return grown;
    }

    /** @return true once no entry is pending to be added */
    abstract boolean settled();

    /** @return every entry the log holds now, once each, in no particular order */
    abstract Collection<TestEntry> entries();

    /** @return the identities of the entries the log holds now with a time in {@code [from, to)} */
    final Set<String> idsIn(Instant from, Instant to) {
        return entries().stream().filter(e -> !e.timestamp().isBefore(from) && e.timestamp().isBefore(to))
                .map(TestEntry::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** @return the most entries of the log sharing one timestamp */
    final int maxSharingATimestamp() {
        return entries().stream().collect(Collectors.groupingBy(TestEntry::timestamp, Collectors.counting())).values()
                .stream().mapToInt(Long::intValue).max().orElse(0);
    }

    /**
     * A log walked newest first by offset (UiPath classic {@code skip/top}, Informatica
     * {@code batchId}): new entries are written at the head between requests, some with the
     * head's own timestamp (placed anywhere among the entries at it), some newer than the query's
     * {@code to}, some inside the range; a few entries are stored twice in a row.
     */
    static final class NewestFirst extends FakeVendorLog {
        private final List<TestEntry> log = new ArrayList<>();
        private final Deque<Integer> pending;
        private final boolean filtersTo;
        private int nextId;

        /**
         * @param seconds the initial entries' times, seconds after {@link TestEntry#T0}
         * @param growth for each entry still to be written, how many seconds after the head it lands
         * @param filtersTo whether the vendor filters {@code timestamp < to} itself (offset 0 is then
         *     the newest entry before the window's end); otherwise offset 0 is the log's head
         */
        static NewestFirst ofSeconds(List<Integer> seconds, List<Integer> growth, boolean filtersTo, long seed) {
            return new NewestFirst(seconds.stream().map(s -> s * 1000L).collect(Collectors.toList()), growth, filtersTo, seed);
        }

        /** As {@link #ofSeconds}, with the initial entries' times in milliseconds after {@link TestEntry#T0}. */
        NewestFirst(List<Long> millis, List<Integer> growth, boolean filtersTo, long seed) {
            super(seed);
            for (long ms : millis) {
                TestEntry e = new TestEntry("e" + nextId++, TestEntry.T0.plusMillis(ms));
                log.add(e);
                if (random.nextInt(8) == 0) {
                    log.add(e); // stored twice
                }
            }
            log.sort(Comparator.comparing(TestEntry::timestamp).reversed()); // stable: ties keep their order
            this.pending = new ArrayDeque<>(growth);
            this.filtersTo = filtersTo;
        }

        OffsetPageFetcher<TestEntry> fetcher(TimeWindow window) {
            return fetcher(window, false);
        }

        /**
         * @param window the window read
         * @param reorder true: each request first waits up to 3 ms (from a random number drawn
         *     in request order), so requests in flight together are answered in a shuffled order
         *     and the log grows between their answers
         */
        OffsetPageFetcher<TestEntry> fetcher(TimeWindow window, boolean reorder) {
            // synchronized: pages fetched ahead by a parallel pager arrive from several threads
            return (offset, size) -> {
                if (reorder) {
                    int wait;
                    synchronized (this) {
                        wait = random.nextInt(4);
                    }
                    try {
                        Thread.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                synchronized (this) {
                    return page(window, offset, size);
                }
            };
        }

        private List<TestEntry> page(TimeWindow window, long offset, int size) {
            {
                request();
                grow();
                List<TestEntry> view = filtersTo
                        ? log.stream().filter(e -> e.timestamp().isBefore(window.end())).collect(Collectors.toList())
                        : log;
                int from = (int) Math.min(offset, view.size());
                return new ArrayList<>(view.subList(from, Math.min(view.size(), from + size)));
            }
        }

        private void grow() {
            if (pending.isEmpty() || random.nextInt(3) != 0) {
                return;
            }
            for (int n = 1 + random.nextInt(2); n > 0 && !pending.isEmpty(); n--) {
                int after = pending.poll();
                Instant head = log.isEmpty() ? TestEntry.T0 : log.get(0).timestamp();
                Instant ts = head.plusSeconds(after);
                int atHead = 0;
                while (atHead < log.size() && log.get(atHead).timestamp().equals(ts)) {
                    atHead++;
                }
                log.add(random.nextInt(atHead + 1), new TestEntry("g" + nextId++, ts));
                countGrowth();
            }
        }

        @Override
        synchronized boolean settled() {
            return pending.isEmpty();
        }

        @Override
        synchronized Collection<TestEntry> entries() {
            return new LinkedHashSet<>(log);
        }

        @Override
        public synchronized String toString() {
            return "NewestFirst{filtersTo=" + filtersTo + ", log=" + log + ", pending=" + pending + "}";
        }
    }

    /**
     * A log read oldest first, each entry made visible up to the lateness after its time: answers
     * list a range's entries in the order they became visible (by time plus a delay shorter than
     * the lateness), so entries are out of order by less than the lateness. New entries become
     * visible after all others (at the end of the answers) and may be older than the newest
     * one by less than the lateness. Answers repeat entries: each page of a cursor may start with
     * entries of the previous page, and some entries are followed by a copy of the entry before them.
     */
    static final class OldestFirst extends FakeVendorLog {
        private final List<Visible> arrival = new ArrayList<>();
        private final Deque<int[]> pending;
        private final long latenessMillis;
        private final boolean adjacentCopies;
        private long seq;
        private int nextId;
        private int nonce;

        /**
         * @param seconds the initial entries' times, seconds after {@link TestEntry#T0}
         * @param growth entries still to come, each {@code {seconds after the newest visible, seconds before it}}
         * @param latenessSeconds how long after its time an entry may become visible (exclusive); 0: in order
         * @param adjacentCopies true: a repeated entry follows itself (sorted answers, for offset
         *     paging); false: some entries are followed by a copy of the entry before them
         */
        OldestFirst(List<Integer> seconds, List<int[]> growth, int latenessSeconds, boolean adjacentCopies, long seed) {
            super(seed);
            this.latenessMillis = latenessSeconds * 1000L;
            this.adjacentCopies = adjacentCopies;
            for (int s : seconds) {
                TestEntry e = TestEntry.at("e" + nextId++, s);
                long delay = latenessMillis == 0 ? 0 : random.nextInt((int) latenessMillis);
                arrival.add(new Visible(e, e.timestamp().toEpochMilli() + delay, seq++, random.nextInt(6) == 0));
            }
            arrival.sort(Comparator.comparingLong((Visible v) -> v.shownAt).thenComparingLong(v -> v.seq));
            this.pending = new ArrayDeque<>(growth);
        }

        /** Adds the next pending entry, if any, with probability 1/2: between requests of a live log, or between runs. */
        void maybeGrow() {
            if (pending.isEmpty() || random.nextBoolean()) {
                return;
            }
            int[] next = pending.poll();
            long maxShown = arrival.isEmpty() ? TestEntry.T0.toEpochMilli() : arrival.get(arrival.size() - 1).shownAt;
            long ceilSecond = (maxShown + 999) / 1000 * 1000;
            long back = latenessMillis == 0 ? 0 : Math.min(next[1], latenessMillis / 1000 - 1);
            long ts = ceilSecond + next[0] * 1000L - back * 1000L;
            TestEntry e = new TestEntry("g" + nextId++, Instant.ofEpochMilli(ts));
            // visible now, after every other entry: its delay is below the lateness since back < lateness
            arrival.add(new Visible(e, Math.max(maxShown, ts), seq++, random.nextInt(6) == 0));
            countGrowth();
        }

        /** The answer for a time range as it is now: visible order, with the repeats. */
        List<TestEntry> answer(TimeWindow window) {
            List<TestEntry> out = new ArrayList<>();
            TestEntry before = null;
            for (Visible v : arrival) {
                if (v.entry.timestamp().isBefore(window.start()) || !v.entry.timestamp().isBefore(window.end())) {
                    continue;
                }
                out.add(v.entry);
                if (v.repeat && adjacentCopies) {
                    out.add(v.entry);
                } else if (v.repeat && before != null) {
                    out.add(before);
                }
                before = v.entry;
            }
            return out;
        }

        /**
         * Offset pages of the log from its oldest entry (sorted when the lateness is 0), growing
         * between requests; with {@code purgeBefore}, retention also deletes up to three of the
         * oldest entries before that instant between requests, pulling the later ones forward.
         */
        OffsetPageFetcher<TestEntry> offsetFetcher(Instant purgeBefore) {
            // synchronized: pages fetched ahead by a parallel pager arrive from several threads
            return (offset, size) -> {
                synchronized (this) {
                    return page(purgeBefore, offset, size);
                }
            };
        }

        private List<TestEntry> page(Instant purgeBefore, long offset, int size) {
            {
                request();
                maybeGrow();
                for (int n = purgeBefore == null ? 0 : random.nextInt(4); n > 0 && !arrival.isEmpty()
                        && arrival.get(0).entry.timestamp().isBefore(purgeBefore); n--) {
                    arrival.remove(0);
                }
                List<TestEntry> view = answer(TimeWindow.of(Instant.EPOCH, Instant.MAX));
                int from = (int) Math.min(offset, view.size());
                return new ArrayList<>(view.subList(from, Math.min(view.size(), from + size)));
            }
        }

        /**
         * Continuation-token pages over the live answer: the token holds the position; each page
         * re-sends up to {@code resend} entries before it; growth between requests.
         */
        TokenPageFetcher<TestEntry> tokenFetcher(TimeWindow window, int size, int resend) {
            String run = "r" + nonce++;
            return token -> {
                request();
                maybeGrow();
                int pos = token.map(t -> Integer.parseInt(t.substring(t.indexOf(':') + 1))).orElse(0);
                List<TestEntry> view = answer(window);
                int from = Math.max(0, Math.min(pos, view.size()) - (pos == 0 ? 0 : random.nextInt(resend + 1)));
                List<TestEntry> items = new ArrayList<>(view.subList(from, Math.min(view.size(), pos + size)));
                return pos + size >= view.size() ? Page.last(items) : Page.of(items, run + ":" + (pos + size));
            };
        }

        /** The answer of one window, as a plain list (no growth: windows are read as of one moment). */
        WindowFetcher<TestEntry> windowFetcher() {
            return window -> {
                request();
                return CloseableIterator.of(answer(window));
            };
        }

        /**
         * A JSON Lines body of the range's answer, grown before each read, cut after a random
         * byte (a transport failure) on some reads: {@code cutEvery} 0 never, n about one read in n.
         */
        CloseableIterator<TestEntry> body(TimeWindow window, int attempt, int cutEvery) {
            request();
            maybeGrow(); // entries appended since the run before or the read before, at the end of the body
            StringBuilder text = new StringBuilder();
            for (TestEntry e : answer(window)) {
                text.append(e.raw()).append('\n');
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            int cut = cutEvery > 0 && !calm() && random.nextInt(cutEvery) == 0 ? random.nextInt(bytes.length + 1) : -1;
            return JsonLinesReader.of(new CutStream(bytes, cut),
                    node -> new TestEntry(node.get("id").asText(), Instant.parse(node.get("time").asText())));
        }

        @Override
        synchronized boolean settled() {
            return pending.isEmpty();
        }

        @Override
        synchronized Collection<TestEntry> entries() {
            return arrival.stream().map(v -> v.entry).collect(Collectors.toList());
        }

        @Override
        public synchronized String toString() {
            return "OldestFirst{lateness=" + latenessMillis + "ms, arrival=" + arrival + ", pending="
                    + pending.stream().map(g -> g[0] + "/" + g[1]).collect(Collectors.toList()) + "}";
        }

        private static final class Visible {
            final TestEntry entry;
            final long shownAt;
            final long seq;
            final boolean repeat;

            Visible(TestEntry entry, long shownAt, long seq, boolean repeat) {
                this.entry = entry;
                this.shownAt = shownAt;
                this.seq = seq;
                this.repeat = repeat;
            }

            @Override
            public String toString() {
                return entry + (repeat ? "(x2)" : "") + "~" + (shownAt - entry.timestamp().toEpochMilli());
            }
        }
    }

    /** A response body that fails like a reset connection after {@code cut} bytes ({@code -1}: never). */
    private static final class CutStream extends InputStream {
        private final ByteArrayInputStream in;
        private int left;

        CutStream(byte[] bytes, int cut) {
            this.in = new ByteArrayInputStream(bytes);
            this.left = cut < 0 ? Integer.MAX_VALUE : cut;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                throw new IOException("connection reset (cut)");
            }
            int n = in.read(b, off, Math.min(len, left));
            if (n > 0 && left != Integer.MAX_VALUE) {
                left -= n;
            }
            return n;
        }
    }
}
