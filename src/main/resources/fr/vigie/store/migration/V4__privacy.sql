-- Privacy (issue 8, docs/PRIVACY.md): encryption at rest, retention, requests from data subjects, the audit log.

-- The reporter's contact, sealed: AES-GCM under a data key of its own (wrapped_key), itself wrapped by the master
-- key named by master_id. master_id NULL marks a row written before encryption (name, email, phone in clear) until
-- `vigie keys rotate` seals it. email_hash and phone_hash are keyed hashes (store key) for finding a data subject.
ALTER TABLE reporter ADD COLUMN sealed ${blob};
ALTER TABLE reporter ADD COLUMN wrapped_key ${blob};
ALTER TABLE reporter ADD COLUMN master_id VARCHAR(16);
ALTER TABLE reporter ADD COLUMN email_hash CHAR(64);
ALTER TABLE reporter ADD COLUMN phone_hash CHAR(64);
CREATE INDEX reporter_email_hash ON reporter (email_hash);
CREATE INDEX reporter_phone_hash ON reporter (phone_hash);

-- Evidence bytes sealed the same way; sha256 stays the address of the original bytes. master_id NULL: in clear.
ALTER TABLE evidence_blob ADD COLUMN wrapped_key ${blob};
ALTER TABLE evidence_blob ADD COLUMN master_id VARCHAR(16);

-- When a report lost its personal data (erasure or retention): what is left is a tombstone that keeps the counts.
ALTER TABLE report ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;

-- The audit log: append-only, each entry chained to the one before by SHA-256 (see fr.vigie.store.Audit).
CREATE TABLE audit (
    seq BIGINT PRIMARY KEY,
    at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor VARCHAR(80) NOT NULL,
    action VARCHAR(40) NOT NULL,
    target VARCHAR(80),
    reason VARCHAR(2000),
    prev_hash CHAR(64) NOT NULL,
    hash CHAR(64) NOT NULL
);

-- The last entry of the log, one row: appends lock it (so they follow one another, across processes too), and a
-- log cut short at its end no longer matches it.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
