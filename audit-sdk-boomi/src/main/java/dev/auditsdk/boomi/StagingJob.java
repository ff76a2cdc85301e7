package dev.auditsdk.boomi;

/** A staged request being waited for: its id, its range, and the last status polled. */
final class StagingJob {
    final long requestId;
    final StagingRange range;
    final boolean resumed;
    volatile BoomiStagingStatus lastStatus;

    StagingJob(long requestId, StagingRange range, boolean resumed) {
        this.requestId = requestId;
        this.range = range;
        this.resumed = resumed;
    }

    @Override
    public String toString() {
        return "StagingJob{requestId=" + requestId + ", range=" + range + (resumed ? ", resumed" : "") + "}";
    }
}
