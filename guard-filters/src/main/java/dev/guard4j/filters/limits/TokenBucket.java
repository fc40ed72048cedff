package dev.guard4j.filters.limits;

/**
 * One principal's allowance of requests and characters, refilled continuously so that each
 * window grants the full limit, and consumed both-or-neither.
 */
final class TokenBucket {

    /** Returned by {@link #tryAcquire} when the bucket was evicted and must be looked up again. */
    static final long RETIRED = -1L;
    /** Returned by {@link #tryAcquire} when the request was granted. */
    static final long GRANTED = 0L;

    private final double requestCapacity;
    private final double characterCapacity;
    private final long windowNanos;
    private double requests;
    private double characters;
    private long refilledAt;
    private boolean retired;

    TokenBucket(long requestCapacity, long characterCapacity, long windowNanos, long now) {
        this.requestCapacity = requestCapacity;
        this.characterCapacity = characterCapacity;
        this.windowNanos = windowNanos;
        this.requests = requestCapacity;
        this.characters = characterCapacity;
        this.refilledAt = now;
    }

    /**
     * Takes one request and {@code chars} characters if both are available.
     *
     * @return {@link #GRANTED}, {@link #RETIRED}, or else the nanoseconds until enough has refilled
     */
    synchronized long tryAcquire(long now, long chars) {
        if (retired) {
            return RETIRED;
        }
        refill(now);
        if (requests >= 1.0 && characters >= chars) {
            requests -= 1.0;
            characters -= chars;
            return GRANTED;
        }
        double missingRequests = Math.max(0.0, 1.0 - requests) / requestCapacity;
        double missingCharacters = Math.max(0.0, chars - characters) / characterCapacity;
        return Math.max(1L, (long) Math.ceil(Math.max(missingRequests, missingCharacters) * windowNanos));
    }

    /** Retires the bucket if it has refilled completely, so that dropping it loses nothing; returns whether it did. */
    synchronized boolean retireIfFull(long now) {
        refill(now);
        if (requests >= requestCapacity && characters >= characterCapacity) {
            retired = true;
        }
        return retired;
    }

    private void refill(long now) {
        long elapsed = now - refilledAt;
        if (elapsed <= 0) {
            return;
        }
        double fraction = (double) elapsed / windowNanos;
        requests = Math.min(requestCapacity, requests + fraction * requestCapacity);
        characters = Math.min(characterCapacity, characters + fraction * characterCapacity);
        refilledAt = now;
    }
}
