package fr.vigie.link;

import fr.vigie.identifier.Identifier;
import java.util.List;

/**
 * What the store answers from its postings: one row per (report, key) and one per (report, band key), never a
 * row per pair of reports. The report being linked is posted first, so counts include it and lists may hold it.
 * Every call is one index look-up; nothing here reads all reports.
 */
public interface Postings {
    /** How many reports are posted (N of the rarity formula). */
    long totalReports();

    /** How many reports carry {@code key}: its document frequency. */
    long count(Identifier key);

    /**
     * The limit of reports {@code key} went over when it became too common, or 0 while it links. Once too common, a
     * value stays so, however many reports come after: the links it made before are taken back.
     */
    long tooCommonOver(Identifier key);

    /** Up to {@code limit} report numbers carrying {@code key}, earliest first. */
    List<Integer> reports(Identifier key, int limit);

    /** Up to {@code limit} reports posted under {@code bandKey} ({@link Fingerprint#bandKeys()}), earliest first. */
    List<Posted> templates(int bandKey, int limit);

    /** A report and the fingerprint posted for it. */
    record Posted(int report, Fingerprint fingerprint) {}
}
