/**
 * Full-text search over reports: a Lucene index in {@code <dataDir>/index}, fed report by report as they arrive and
 * rebuilt from the store on demand (the store is the truth; the index can always be thrown away). {@link SearchIndex}
 * is the one entry; it answers report ids, which {@code Store.list} turns into reports.
 */
package fr.vigie.search;
