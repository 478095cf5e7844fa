-- Each campaign edge names the value that made it (docs/LINKING.md, "Too common"): a 64-bit hash of its kind and
-- normal form, 0 for a message template. When a value becomes too common, the edges it made before are taken back
-- (deleted by that hash). Edges stored before this migration have 0: `vigie campaigns --rebuild` names them.
ALTER TABLE campaign_edge ADD COLUMN via BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX campaign_edge_via ON campaign_edge (via);
