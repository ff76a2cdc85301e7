package dev.auditsdk.testkit.jitterbit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * One log-file generation behind a reference key: RECEIVED for some polls, PROCESSING for some
 * more, then COMPLETE (the file is a snapshot taken then), NO_DATA or ERROR.
 */
final class ExportJob {
    static final String RECEIVED = "RECEIVED";
    static final String PROCESSING = "PROCESSING";
    static final String COMPLETE = "COMPLETE";
    static final String ERROR = "ERROR";
    static final String NO_DATA = "NO_DATA";
    static final String INVALID = "INVALID";

    /** The reference key lives 23 hours (the file 24; the key's end is what clients see). */
    static final Duration KEY_LIFETIME = Duration.ofHours(23);

    /** A failure to produce when the job would finish. */
    static final class Failure {
        final String message;
        final boolean locks;
        /** The job never finishes: it stays PROCESSING until its key expires. */
        final boolean stalls;

        Failure(String message, boolean locks) {
            this(message, locks, false);
        }

        Failure(String message, boolean locks, boolean stalls) {
            this.message = message;
            this.locks = locks;
            this.stalls = stalls;
        }
    }

    /** The validated parameters of a {@code debuglogs-async} request. */
    static final class Request {
        final String orgId;
        final Instant from;
        final Instant to;
        final ZoneId zone;
        final QueryStringFilter filter;
        final boolean ascendSort;
        final boolean retrieveLogMessages;
        final boolean csvFormat;

        Request(String orgId, Instant from, Instant to, ZoneId zone, QueryStringFilter filter, boolean ascendSort,
                boolean retrieveLogMessages, boolean csvFormat) {
            this.orgId = orgId;
            this.from = from;
            this.to = to;
            this.zone = zone;
            this.filter = filter;
            this.ascendSort = ascendSort;
            this.retrieveLogMessages = retrieveLogMessages;
            this.csvFormat = csvFormat;
        }
    }

    final String key;
    final Request request;
    final Instant createdAt;
    private final int receivedPolls;
    private final int processingPolls;
    private final Failure failure;
    private final Supplier<List<ApiLogRecord>> source;
    private int ticks;
    private String status;
    private String errorMessage;
    private boolean locked;
    private List<ApiLogRecord> result = List.of();

    ExportJob(String key, Request request, Instant createdAt, int receivedPolls, int processingPolls, Failure failure,
            Supplier<List<ApiLogRecord>> source) {
        this.key = key;
        this.request = request;
        this.createdAt = createdAt;
        this.receivedPolls = receivedPolls;
        this.processingPolls = processingPolls;
        this.failure = failure;
        this.source = source;
        advanceTo(0);
    }

    synchronized boolean expired(Instant now) {
        return !now.isBefore(createdAt.plus(KEY_LIFETIME));
    }

    /** @return the status after one more poll */
    synchronized String poll() {
        ticks++;
        advanceTo(ticks);
        return status;
    }

    synchronized String status() {
        return status;
    }

    synchronized String errorMessage() {
        return errorMessage;
    }

    synchronized boolean locked() {
        return locked;
    }

    synchronized boolean finishedWithErrorOrNoData() {
        return ERROR.equals(status) || NO_DATA.equals(status);
    }

    synchronized List<ApiLogRecord> result() {
        return result;
    }

    private void advanceTo(int polls) {
        if (COMPLETE.equals(status) || ERROR.equals(status) || NO_DATA.equals(status)) {
            return;
        }
        if (polls < receivedPolls) {
            status = RECEIVED;
        } else if (polls < receivedPolls + processingPolls || (failure != null && failure.stalls)) {
            status = PROCESSING;
        } else {
            finish();
        }
    }

    private void finish() {
        if (failure != null) {
            status = ERROR;
            errorMessage = failure.message;
            locked = failure.locks;
            return;
        }
        List<ApiLogRecord> selected = new ArrayList<>();
        for (ApiLogRecord r : source.get()) {
            // the range is inclusive at both ends
            if (!r.time().isBefore(request.from) && !r.time().isAfter(request.to) && request.filter.test(r)) {
                selected.add(r);
            }
        }
        Comparator<ApiLogRecord> byTime = Comparator.comparing(ApiLogRecord::time);
        selected.sort(request.ascendSort ? byTime : byTime.reversed());
        result = List.copyOf(selected);
        status = result.isEmpty() ? NO_DATA : COMPLETE;
    }
}
