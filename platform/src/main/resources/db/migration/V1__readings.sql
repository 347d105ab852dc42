-- Agents known to the platform; only the SHA-256 of each token is kept.
CREATE TABLE agent (
    id            text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_.-]{1,64}$'),
    role          text NOT NULL CHECK (role IN ('cems', 'dso', 'aggregator')),
    token_sha256  bytea NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz
);

-- Every accepted meter reading; the message id makes duplicate delivery idempotent.
CREATE TABLE reading (
    message_id    uuid PRIMARY KEY,
    agent_id      text NOT NULL REFERENCES agent(id),
    ptu_start     timestamptz NOT NULL,
    ptu_minutes   integer NOT NULL CHECK (ptu_minutes BETWEEN 1 AND 60),
    net_kw        double precision NOT NULL,
    bill_eur      double precision NOT NULL,
    sent_at       timestamptz NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX reading_agent_ptu ON reading (agent_id, ptu_start);

-- Messages refused, with the reason, for the operator.
CREATE TABLE rejected_message (
    id            bigserial PRIMARY KEY,
    agent_id      text,
    topic         text NOT NULL,
    reason        text NOT NULL,
    payload_head  text,
    received_at   timestamptz NOT NULL DEFAULT now()
);
