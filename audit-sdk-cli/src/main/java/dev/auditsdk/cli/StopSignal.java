package dev.auditsdk.cli;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop (SIGINT/SIGTERM, or a test) that long-running commands check between
 * entries and while they wait. Whoever writes output registers an emergency commit, run when
 * the command does not stop in time by itself (blocked on the network); {@code tail --config}
 * runs several streams, each with its own.
 */
public final class StopSignal {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final Set<Runnable> emergencyCommits = new CopyOnWriteArraySet<>();
    private volatile int exitCodeOnStop = ExitCodes.INTERRUPTED;

    /** Asks the running command to stop at the next entry boundary. */
    public void request() {
        requested.countDown();
    }

    /** @return true once a stop was requested */
    public boolean requested() {
        return requested.getCount() == 0;
    }

    /**
     * Waits, returning early when a stop is requested.
     *
     * @param duration how long to wait
     * @return true if the whole time passed, false when a stop was requested
     */
    public boolean sleep(Duration duration) {
        try {
            return !requested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * @param commit what saves the output and checkpoint written so far
     */
    void addEmergency(Runnable commit) {
        emergencyCommits.add(commit);
    }

    /**
     * @param commit a commit registered with {@link #addEmergency}, no longer needed
     */
    void removeEmergency(Runnable commit) {
        emergencyCommits.remove(commit);
    }

    /**
     * @param code the exit code when the command is stopped: 0 for {@code tail}, whose normal end is a stop
     */
    void exitCodeOnStop(int code) {
        this.exitCodeOnStop = code;
    }

    /** @return the exit code of the running command when it is stopped */
    int exitCodeOnStop() {
        return exitCodeOnStop;
    }

    /** Runs the registered emergency commits, if any. */
    void runEmergencyCommit() {
        emergencyCommits.forEach(Runnable::run);
    }
}
