-- The postings (docs/LINKING.md) are kept in memory by the store, derived from the reports: writing them as well
-- (about ten rows per report, a random index entry each) was most of the ingest's time and of the file's size, and
-- linking read them back one look-up per key. The identifier index (report_identifier) and the campaign edges stay.
DROP TABLE template_posting;
DROP TABLE posting;
