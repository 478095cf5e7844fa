/**
 * Where reports and evidence are kept: H2 embedded in {@code ./vigie-data/} by default, PostgreSQL when a JDBC URL
 * is given; Flyway migrations, JDBI over HikariCP. {@link Store} is the one entry. An acknowledged report is
 * committed before the answer leaves; evidence bytes are stored once per SHA-256 and never altered; the reporter's
 * identity lives in its own table.
 */
package fr.vigie.store;
