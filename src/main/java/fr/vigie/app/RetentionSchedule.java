package fr.vigie.app;

import fr.vigie.store.Retention;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention job inside {@code vigie serve}: one run at start, then one a day, on a virtual thread, at the
 * times {@code clock} gives. A failed run is logged (its exception class only) and tried again the next day.
 */
public final class RetentionSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);
    static final Duration EVERY = Duration.ofDays(1);

    private final Thread thread;

    private RetentionSchedule(Thread thread) {
        this.thread = thread;
    }

    /** Starts the daily job over {@code reports}. */
    public static RetentionSchedule start(Reports reports, Retention.Policy policy, Clock clock) {
        Thread thread = Thread.ofVirtual().name("vigie-retention").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Instant started = clock.instant();
                try {
                    Retention.Outcome o = reports.runRetention(policy, started);
                    LOG.info(
                            "retention: {} identities, {} evidence sets, {} analyses purged, {} reports removed, {} held",
                            o.identities(),
                            o.evidence(),
                            o.analyses(),
                            o.removed(),
                            o.held());
                } catch (RuntimeException e) {
                    LOG.warn("retention run failed ({})", e.getClass().getSimpleName());
                }
                try {
                    Thread.sleep(EVERY);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return new RetentionSchedule(thread);
    }

    /** Stops the job, waiting for a run under way to finish. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
