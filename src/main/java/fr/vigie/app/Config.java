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
 * @param analystToken the bearer token that opens the analysts' routes until accounts and roles exist (privacy
 *     issue); empty: no analyst access over HTTP at all
 */
public record Config(
        Path dataDir,
        Optional<String> jdbcUrl,
        String country,
        boolean dns,
        Limits limits,
        Optional<String> analystToken) {

    public static Config defaults() {
        return new Config(
                Path.of(env("VIGIE_DATA", "vigie-data")),
                Optional.ofNullable(System.getenv("VIGIE_DB")),
                env("VIGIE_COUNTRY", "FR"),
                false,
                Limits.DEFAULT,
                Optional.ofNullable(System.getenv("VIGIE_ANALYST_TOKEN")).filter(t -> !t.isBlank()));
    }

    public Config withCountry(String value) {
        return new Config(dataDir, jdbcUrl, value, dns, limits, analystToken);
    }

    public Config withDns(boolean value) {
        return new Config(dataDir, jdbcUrl, country, value, limits, analystToken);
    }

    public Config withDataDir(Path value) {
        return new Config(value, jdbcUrl, country, dns, limits, analystToken);
    }

    public Config withJdbcUrl(String value) {
        return new Config(dataDir, Optional.ofNullable(value), country, dns, limits, analystToken);
    }

    public Config withAnalystToken(String value) {
        return new Config(dataDir, jdbcUrl, country, dns, limits, Optional.ofNullable(value));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
