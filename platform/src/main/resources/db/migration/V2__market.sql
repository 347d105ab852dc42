-- Signed UFTP messages are verified against the sender's registered Ed25519 key (X.509 SubjectPublicKeyInfo).
ALTER TABLE agent ADD COLUMN public_key bytea;
-- A revoked agent keeps its history; its token no longer opens anything.
ALTER TABLE agent ADD COLUMN revoked_at timestamptz;
-- Presence, from the agent's retained status and its MQTT last will.
ALTER TABLE agent ADD COLUMN connected boolean NOT NULL DEFAULT false;

-- What the meter splits out of the net, when the energy box reports it (both optional).
ALTER TABLE reading ADD COLUMN load_kw double precision;
ALTER TABLE reading ADD COLUMN pv_kw double precision;

-- Presence changes and market absences, for the operator's agent-health view.
CREATE TABLE agent_event (
    id            bigserial PRIMARY KEY,
    agent_id      text NOT NULL REFERENCES agent(id),
    event         text NOT NULL CHECK (event IN ('online', 'offline', 'absent')),
    ptu_start     timestamptz,
    at            timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX agent_event_agent ON agent_event (agent_id, id);

-- Every bid: a contract-net proposal (a net schedule for the day) of a CEMS.
CREATE TABLE bid (
    message_id       uuid PRIMARY KEY,
    agent_id         text NOT NULL REFERENCES agent(id),
    conversation_id  text NOT NULL,
    round            integer NOT NULL,
    day              date NOT NULL,
    net_kw           double precision[] NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX bid_conversation ON bid (conversation_id, round);

-- One local-market clearing per community and PTU.
CREATE TABLE market_clearing (
    community            text NOT NULL,
    ptu_start            timestamptz NOT NULL,
    ptu_minutes          integer NOT NULL,
    price_eur_per_kwh    double precision NOT NULL,
    traded_kwh           double precision NOT NULL,
    grid_import_kwh      double precision NOT NULL,
    grid_export_kwh      double precision NOT NULL,
    participants         integer NOT NULL,
    absent               text[] NOT NULL,
    cleared_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (community, ptu_start)
);

-- Each member's local trade in a clearing.
CREATE TABLE trade (
    community            text NOT NULL,
    ptu_start            timestamptz NOT NULL,
    agent_id             text NOT NULL REFERENCES agent(id),
    side                 text NOT NULL CHECK (side IN ('buy', 'sell')),
    energy_kwh           double precision NOT NULL,
    price_eur_per_kwh    double precision NOT NULL,
    amount_eur           double precision NOT NULL,
    PRIMARY KEY (community, ptu_start, agent_id),
    FOREIGN KEY (community, ptu_start) REFERENCES market_clearing (community, ptu_start)
);
CREATE INDEX trade_agent ON trade (agent_id, ptu_start);

-- The DSO-aggregator messages (UFTP), as signed and received, with what they say.
CREATE TABLE flex_message (
    message_id        text PRIMARY KEY,
    kind              text NOT NULL CHECK (kind IN ('prognosis', 'request', 'offer', 'order', 'settlement')),
    sender_domain     text NOT NULL,
    recipient_domain  text NOT NULL,
    conversation_id   text NOT NULL,
    period            date NOT NULL,
    reference_id      text,
    power_kw          double precision,
    price_eur         double precision,
    signed_xml        text NOT NULL,
    received_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX flex_message_period ON flex_message (period, kind);

-- The DSO's traffic light per PTU, from the power flow of the community's plan.
CREATE TABLE grid_state (
    ptu_start                 timestamptz PRIMARY KEY,
    regime                    text NOT NULL CHECK (regime IN ('GREEN', 'YELLOW', 'ORANGE', 'RED')),
    transformer_loading_pct   double precision,
    min_voltage_pu            double precision,
    feeder_peak_kw            double precision[],
    assessed_at               timestamptz NOT NULL DEFAULT clock_timestamp()
);
