package dev.guard4j.filters.audit;

import java.time.Duration;
import java.util.Objects;

/**
 * When {@link AuditLog} writes its buffer to the file and forces it to disk (fsync).
 *
 * <p>Whatever the policy, {@link AuditLog#close()} and {@link AuditLog#flush()} write and force
 * everything accepted so far, and every file is forced before the log rotates away from it.
 */
public sealed interface FlushPolicy permits FlushPolicy.EveryEvent, FlushPolicy.Interval, FlushPolicy.WhenBufferFull {

    /**
     * Returns the safest policy: {@link AuditLog#record} returns only once its event is on disk.
     * Events that arrive together share one fsync (group commit).
     *
     * @return the policy
     */
    static FlushPolicy everyEvent() {
        return EveryEvent.INSTANCE;
    }

    /**
     * Returns a policy that writes and forces at most {@code interval} after an event arrived;
     * {@link AuditLog#record} returns once the event is queued. A crash loses at most that interval's events,
     * and the verifier then reports the torn or unsealed end.
     *
     * @param interval from 1 ms to 1 hour
     * @return the policy
     */
    static FlushPolicy every(Duration interval) {
        return new Interval(interval);
    }

    /**
     * Returns the fastest policy: the 64 KiB buffer is written when full and forced only on
     * rotation, {@link AuditLog#flush()} and {@link AuditLog#close()}. For tests and benchmarks,
     * or when the operating system's own write-back is durable enough.
     *
     * @return the policy
     */
    static FlushPolicy whenBufferFull() {
        return WhenBufferFull.INSTANCE;
    }

    /** Every event is forced to disk before {@link AuditLog#record} returns. */
    final class EveryEvent implements FlushPolicy {
        private static final EveryEvent INSTANCE = new EveryEvent();

        private EveryEvent() {
        }

        @Override
        public String toString() {
            return "FlushPolicy.everyEvent()";
        }
    }

    /**
     * Events are forced to disk at most {@code interval} after they arrive.
     *
     * @param interval the longest time an accepted event stays only in memory
     */
    record Interval(Duration interval) implements FlushPolicy {
        /**
         * Checks the interval.
         *
         * @param interval from 1 ms to 1 hour
         */
        public Interval {
            Objects.requireNonNull(interval, "interval");
            if (interval.compareTo(Duration.ofMillis(1)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("flush interval must be from 1 ms to 1 hour, was " + interval);
            }
        }
    }

    /** The buffer is written when full and forced only on rotation, flush and close. */
    final class WhenBufferFull implements FlushPolicy {
        private static final WhenBufferFull INSTANCE = new WhenBufferFull();

        private WhenBufferFull() {
        }

        @Override
        public String toString() {
            return "FlushPolicy.whenBufferFull()";
        }
    }
}
