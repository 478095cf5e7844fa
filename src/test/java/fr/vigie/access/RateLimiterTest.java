package fr.vigie.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aClientOverItsLimitWaitsForTheEndOfTheWindowAndOthersAreNotHeldUp() {
        MovingClock clock = new MovingClock();
        RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(1), clock);

        assertThat(limiter.acquire("10.0.0.1")).isEmpty();
        clock.now = clock.now.plusSeconds(15);
        assertThat(limiter.acquire("10.0.0.1")).isEmpty();
        assertThat(limiter.acquire("10.0.0.1")).hasValue(45);
        assertThat(limiter.acquire("10.0.0.2")).isEmpty();

        clock.now = clock.now.plusSeconds(45);
        assertThat(limiter.acquire("10.0.0.1")).isEmpty();
    }

    @Test
    void waitingCountsNothing() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), new MovingClock());

        assertThat(limiter.waiting("alice")).isEmpty();
        assertThat(limiter.waiting("alice")).isEmpty();
        limiter.acquire("alice");
        assertThat(limiter.waiting("alice")).hasValue(60);
    }

    @Test
    void aLimitOfZeroLimitsNothing() {
        RateLimiter limiter = new RateLimiter(0, Duration.ofMinutes(1), new MovingClock());
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.acquire("flood")).isEmpty();
        }
    }
}
