-- A table the connector role has no rights on: the troubleshooting lab (module 2, lesson 07)
-- points a connector at it and reads the snapshot's "permission denied" in the worker's log.
-- Run as the owner of the tables (postgres in the lab).
-- requires: labs/schemas/shop.sql, labs/sql/debezium-role.sql

DROP TABLE IF EXISTS public.refunds;
CREATE TABLE public.refunds (
    id       bigint PRIMARY KEY,
    order_id uuid NOT NULL REFERENCES public.orders (id),
    amount   numeric(10, 2) NOT NULL
);
INSERT INTO public.refunds (id, order_id, amount)
SELECT 1, id, 10.00 FROM public.orders ORDER BY id LIMIT 1;

-- The connector reads it through its own publication; no GRANT yet: that is the lab's point.
DROP PUBLICATION IF EXISTS refunds_publication;
CREATE PUBLICATION refunds_publication FOR TABLE public.refunds;
