-- The shipping service's side effect in the outbox lab: one shipment per approved order.
-- event_id names the OrderApproved event that created the row (see processed_events).
--
-- There is deliberately no UNIQUE (order_id): the lab shows that the dedupe table alone
-- keeps a replayed OrderApproved from creating a second shipment. A real service would
-- add a natural-key constraint as a second line of defence.

CREATE TABLE IF NOT EXISTS public.shipments (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id UUID NOT NULL,
    event_id UUID NOT NULL,
    status TEXT NOT NULL DEFAULT 'PENDING',
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
