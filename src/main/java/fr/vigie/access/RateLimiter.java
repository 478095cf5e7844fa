package fr.vigie.access;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * At most {@code limit} requests per client in each fixed window of time. Counters live in memory and are all
 * forgotten when a window ends, so memory stays bounded by the clients of one window (and by {@link #MAX_CLIENTS}:
 * past it, a new client is refused until the window ends, which a flood of forged addresses cannot outgrow). A
 * limit of 0 or less means no limit. Safe to call from many threads.
 */
public final class RateLimiter {
    static final int MAX_CLIENTS = 100_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Integer> counts = new HashMap<>();
    private long windowStart;

    public RateLimiter(int limit, Duration window, Clock clock) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate window lasts some time");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.windowStart = clock.millis();
    }

    /**
     * Counts one request of {@code client}; empty when it may go on, else the seconds to wait before the window
     * ends (at least 1, for a {@code Retry-After} header).
     */
    public synchronized OptionalLong acquire(String client) {
        if (limit <= 0) {
            return OptionalLong.empty();
        }
        long now = clock.millis();
        long length = window.toMillis();
        if (now - windowStart >= length) {
            counts.clear();
            windowStart = now - (now - windowStart) % length;
        }
        Integer count = counts.get(client);
        if (count == null && counts.size() >= MAX_CLIENTS || count != null && count >= limit) {
            return OptionalLong.of(Math.max(1, (windowStart + length - now + 999) / 1000));
        }
        counts.put(client, count == null ? 1 : count + 1);
        return OptionalLong.empty();
    }

    /** Like {@link #acquire} without counting: whether {@code client} has used up this window already. */
    public synchronized OptionalLong waiting(String client) {
        if (limit <= 0) {
            return OptionalLong.empty();
        }
        long now = clock.millis();
        long length = window.toMillis();
        Integer count = counts.get(client);
        if (now - windowStart >= length || count == null || count < limit) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (windowStart + length - now + 999) / 1000));
    }
}
