-- The consumer's dedupe table. The consumer inserts the event id in the same
-- transaction as its side effect, so a replayed event is recognised after a restart.

CREATE TABLE IF NOT EXISTS public.processed_events (
    event_id UUID PRIMARY KEY,
    event_type VARCHAR(255) NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
