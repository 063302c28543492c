-- Outbox lab: approve an order and record the OrderApproved event in ONE transaction.
-- Ids are the fixed rows of labs/schemas/shop.sql. The event id is fixed too, so the
-- lab steps can name it; a real service generates a new UUID for every event.
-- requires: labs/schemas/shop.sql, labs/schemas/outbox-table.sql

BEGIN;

UPDATE public.orders
SET status = 'APPROVED'
WHERE id = '8c1f7a52-3d5e-4b8a-9f61-2a7d0c4e9b13';

INSERT INTO public.outbox (id, aggregatetype, aggregateid, type, payload)
VALUES (
    '5f0c6b1e-2a9d-4c7e-8b3a-1d4e6f8a9c20',
    'Order',
    '8c1f7a52-3d5e-4b8a-9f61-2a7d0c4e9b13',
    'OrderApproved',
    '{"orderId": "8c1f7a52-3d5e-4b8a-9f61-2a7d0c4e9b13", "customerId": 1, "amount": "299.99", "region": "eu", "status": "APPROVED"}'
);

-- Optional cleanup in the same transaction: the row never stays in the table,
-- but its INSERT is already in the WAL, and Debezium publishes it from there.
DELETE FROM public.outbox
WHERE id = '5f0c6b1e-2a9d-4c7e-8b3a-1d4e6f8a9c20';

COMMIT;
