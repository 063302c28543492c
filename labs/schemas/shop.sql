-- The lab's business tables: customers (with personal data for the masking lesson)
-- and orders (approved in the outbox lab). Idempotent: safe to run twice.

CREATE TABLE IF NOT EXISTS public.customers (
    id BIGINT PRIMARY KEY,
    full_name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    phone TEXT,
    card_number TEXT,
    region TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS public.orders (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id BIGINT NOT NULL REFERENCES public.customers (id),
    status TEXT NOT NULL DEFAULT 'NEW'
        CHECK (status IN ('NEW', 'APPROVED', 'REJECTED', 'SHIPPED')),
    amount NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    region TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- Fixed ids so that lessons and lab steps can name real rows.
INSERT INTO public.customers (id, full_name, email, phone, card_number, region) VALUES
    (1, 'Анна Смирнова', 'anna.smirnova@example.com', '+7 912 345-67-89', '4111111111111111', 'eu'),
    (2, 'Игорь Петров', 'igor.petrov@example.com', '+7 903 111-22-33', '5500000000000004', 'ru'),
    (3, 'Maria Garcia', 'maria.garcia@example.com', NULL, NULL, 'us')
ON CONFLICT (id) DO NOTHING;

INSERT INTO public.orders (id, customer_id, status, amount, region) VALUES
    ('8c1f7a52-3d5e-4b8a-9f61-2a7d0c4e9b13', 1, 'NEW', 299.99, 'eu'),
    ('b7e2d9c4-6a1f-4e3b-8d25-5f9a0b1c7e46', 2, 'NEW', 1450.00, 'ru'),
    ('e4a93b17-0c8d-4f62-a5b9-7d1e3f2a6c58', 3, 'NEW', 75.50, 'us')
ON CONFLICT (id) DO NOTHING;
