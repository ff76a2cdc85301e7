package dev.auditsdk.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A request to stop (SIGINT/SIGTERM, or a test) that long-running commands check between
 * entries and while they wait. Whoever writes output registers an emergency commit, run when
 * the command does not stop in time by itself (blocked on the network).
 */
public final class StopSignal {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicReference<Runnable> emergencyCommit = new AtomicReference<>();
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
     * @param commit what saves the output and checkpoint written so far; null to clear
     */
    void onEmergency(Runnable commit) {
        emergencyCommit.set(commit);
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

    /** Runs the registered emergency commit, if any. */
    void runEmergencyCommit() {
        Runnable r = emergencyCommit.get();
        if (r != null) {
            r.run();
        }
    }
}
