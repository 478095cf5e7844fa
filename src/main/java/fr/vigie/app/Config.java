package fr.vigie.app;

import fr.vigie.harmonise.Limits;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything Vigie can be told at start: command-line flags first, then {@code VIGIE_*} environment variables,
 * then these defaults.
 *
 * @param dataDir the embedded store's folder
 * @param jdbcUrl a PostgreSQL JDBC URL; empty: the embedded store in {@code dataDir}
 * @param country the default region for phone numbers (ISO 3166 alpha-2)
 * @param dns whether DKIM public keys may be looked up in the DNS (off by default: no network unless asked)
 * @param limits how much of a hostile message is read
 * @param rateLimits how many requests each client may send to the public routes
 */
public record Config(
        Path dataDir, Optional<String> jdbcUrl, String country, boolean dns, Limits limits, RateLimits rateLimits) {

    public static Config defaults() {
        return new Config(
                Path.of(env("VIGIE_DATA", "vigie-data")),
                Optional.ofNullable(System.getenv("VIGIE_DB")),
                env("VIGIE_COUNTRY", "FR"),
                false,
                Limits.DEFAULT,
                RateLimits.fromEnvironment());
    }

    /**
     * Requests per client (its address) and per minute on the public routes: {@code POST /api/check}, {@code POST
     * /api/reports}, and sign-in attempts (also counted per account name when they fail); 0 is no limit. Set by
     * {@code VIGIE_RATE_CHECK}, {@code VIGIE_RATE_REPORT}, {@code VIGIE_RATE_SIGNIN}.
     */
    public record RateLimits(int checks, int reports, int signIns, java.time.Duration window) {
        public static final RateLimits DEFAULT = new RateLimits(60, 10, 10, java.time.Duration.ofMinutes(1));

        static RateLimits fromEnvironment() {
            return new RateLimits(
                    number("VIGIE_RATE_CHECK", DEFAULT.checks),
                    number("VIGIE_RATE_REPORT", DEFAULT.reports),
                    number("VIGIE_RATE_SIGNIN", DEFAULT.signIns),
                    DEFAULT.window);
        }

        private static int number(String name, int fallback) {
            try {
                return Integer.parseInt(env(name, String.valueOf(fallback)).strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }

    public Config withCountry(String value) {
        return new Config(dataDir, jdbcUrl, value, dns, limits, rateLimits);
    }

    public Config withDns(boolean value) {
        return new Config(dataDir, jdbcUrl, country, value, limits, rateLimits);
    }

    public Config withDataDir(Path value) {
        return new Config(value, jdbcUrl, country, dns, limits, rateLimits);
    }

    public Config withJdbcUrl(String value) {
        return new Config(dataDir, Optional.ofNullable(value), country, dns, limits, rateLimits);
    }

    public Config withRateLimits(RateLimits value) {
        return new Config(dataDir, jdbcUrl, country, dns, limits, value);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
