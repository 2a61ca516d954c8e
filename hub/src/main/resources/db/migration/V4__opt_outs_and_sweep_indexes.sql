-- Dunhub store, version 4: channel opt-outs the hub itself records (the unsubscribe page), and
-- two indexes the dunning sweep reads through.
-- Contacts come from the hosts and a sync rewrites them, so the hub keeps its own list and applies
-- it whenever it picks a recipient: an address that opted out of a channel gets no further notice
-- on that channel, whatever the host says.
CREATE TABLE channel_opt_outs (
  party_id           VARCHAR(36)  NOT NULL,
  channel            VARCHAR(10)  NOT NULL,
  address            VARCHAR(320) NOT NULL,
  contact_id         VARCHAR(36),
  outbox_key         VARCHAR(400),
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (party_id, channel, address)
);

-- The sweep reads each party's notices of the last 7 days (the contact cap) from the outbox: by
-- party, not by scanning every notice ever sent.
CREATE INDEX outbox_party_idx ON outbox (party_id, created_at);

-- The sweep pages through the due cases in (next_evaluation_at, id) order, each page after the
-- last: an index on both columns serves every page from where the last one ended.
DROP INDEX dunning_cases_next_idx;
CREATE INDEX dunning_cases_next_idx ON dunning_cases (next_evaluation_at, id);
