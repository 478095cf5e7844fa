-- Cross-referencing (docs/LINKING.md): reports numbered in arrival order, the keys each report is posted under,
-- its message-template band keys, and the edges that joined campaigns. Never a table of pairs of reports: a
-- posting is one row per (key, report), an edge one row per report joined (at most a few per report).
ALTER TABLE report ADD COLUMN num INTEGER;
CREATE UNIQUE INDEX report_num ON report (num);

CREATE TABLE posting (
    key_hash CHAR(64) NOT NULL,
    num INTEGER NOT NULL,
    PRIMARY KEY (key_hash, num)
);

CREATE TABLE template_posting (
    band_key INTEGER NOT NULL,
    num INTEGER NOT NULL,
    bits BIGINT NOT NULL,
    PRIMARY KEY (band_key, num)
);

CREATE TABLE campaign_edge (
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    PRIMARY KEY (a, b)
);
