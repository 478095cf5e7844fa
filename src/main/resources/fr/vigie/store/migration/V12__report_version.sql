-- A report's version: moved on, in the same transaction, by every change to what a read of the report shows (a
-- status, an erasure, the retention job, a rectification, a key rotation, a legal hold). A server keeps the answer
-- it made of a report at one version and makes it again only once the version moved, whichever process changed it.
-- A new report starts at a random version, so an answer kept for a report that is gone never fits another.
ALTER TABLE report ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
