-- The connector's own role and the publication it reads, for the first-connector lab
-- (module 1, lesson 04). Run as the owner of the tables (postgres in the lab).
-- requires: labs/schemas/shop.sql

-- LOGIN and REPLICATION: enough to open a replication connection and create a slot.
-- Idempotent: a second run keeps the existing role.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'debezium') THEN
        CREATE ROLE debezium WITH LOGIN REPLICATION PASSWORD 'debezium';
    END IF;
END
$$;

-- SELECT for the initial snapshot of the captured tables.
GRANT SELECT ON public.customers, public.orders TO debezium;

-- Created by the table owner, so the connector needs no ownership:
-- publication.autocreate.mode=disabled in labs/connectors/shop-connector.json.
DROP PUBLICATION IF EXISTS shop_publication;
CREATE PUBLICATION shop_publication FOR TABLE public.customers, public.orders;
