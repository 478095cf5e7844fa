-- The message-template fingerprints of each report (docs/LINKING.md), as linking computed them when it arrived:
-- Fingerprint.encode, the algorithm's version then 32 hex digits each. A rebuild of the links reads them instead of
-- reading every text again and fingerprinting it (most of its time). NULL for reports stored before (and when they
-- do not fit): those are fingerprinted from their texts. Erasing a report's texts erases them too.
ALTER TABLE report ADD COLUMN fingerprints VARCHAR(4000);
