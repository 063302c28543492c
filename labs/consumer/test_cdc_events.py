"""Tests for cdc_events.py: envelopes with and without schema, Decimal, deletes, tombstones.

Run from labs/consumer (no Kafka, no database, no packages needed):

    python3 -m unittest -v test_cdc_events

The events are shaped as the lab's connector writes them (module 1, lesson 05).
"""

import json
import sys
import unittest
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cdc_events  # noqa: E402

ORDER_ID = "3f6d2c8a-91b4-4e57-a0c3-6b8e1d7f2a94"
KEY = json.dumps({"id": ORDER_ID}).encode()
AMOUNT_SCHEMA = {
    "type": "bytes",
    "optional": False,
    "name": "org.apache.kafka.connect.data.Decimal",
    "version": 1,
    "parameters": {"scale": "2", "connect.decimal.precision": "12"},
    "field": "amount",
}
ROW_SCHEMA = {
    "type": "struct",
    "fields": [{"type": "string", "optional": False, "field": "status"}, AMOUNT_SCHEMA],
    "optional": True,
    "name": "shop.public.orders.Value",
}
VALUE_SCHEMA = {
    "type": "struct",
    "fields": [dict(ROW_SCHEMA, field="before"), dict(ROW_SCHEMA, field="after")],
    "name": "shop.public.orders.Envelope",
}


def envelope(op, before=None, after=None):
    return {"before": before, "after": after, "source": {"table": "orders"}, "op": op, "ts_ms": 1}


class DecimalTests(unittest.TestCase):
    def test_base64_decimal_with_scale_from_schema(self):
        self.assertEqual(cdc_events.decode_decimal("EJo=", AMOUNT_SCHEMA), Decimal("42.50"))
        self.assertEqual(cdc_events.decode_decimal("dS8=", AMOUNT_SCHEMA), Decimal("299.99"))
        self.assertEqual(cdc_events.decode_decimal("AjZo", AMOUNT_SCHEMA), Decimal("1450.00"))

    def test_negative_decimal(self):
        # -42.50: two's complement of 4250 in two bytes is 0xEF66.
        self.assertEqual(cdc_events.decode_decimal("72Y=", AMOUNT_SCHEMA), Decimal("-42.50"))

    def test_string_mode_value_is_kept(self):
        self.assertEqual(cdc_events.decode_decimal("42.50", None), "42.50")


class UnwrapTests(unittest.TestCase):
    def test_with_schema(self):
        raw = json.dumps({"schema": VALUE_SCHEMA, "payload": envelope("c")}).encode()
        data, schema = cdc_events.unwrap(raw)
        self.assertEqual(data["op"], "c")
        self.assertEqual(schema["name"], "shop.public.orders.Envelope")

    def test_without_schema(self):
        data, schema = cdc_events.unwrap(json.dumps(envelope("u")).encode())
        self.assertEqual(data["op"], "u")
        self.assertIsNone(schema)

    def test_tombstone(self):
        self.assertEqual(cdc_events.unwrap(None), (None, None))


class DescribeTests(unittest.TestCase):
    def test_create_with_schema_decodes_the_amount(self):
        value = {"schema": VALUE_SCHEMA, "payload": envelope("c", after={"status": "NEW", "amount": "EJo="})}
        self.assertEqual(
            cdc_events.describe(KEY, json.dumps(value).encode()),
            f"c order {ORDER_ID}: status=NEW amount=42.50",
        )

    def test_update_without_schema_in_string_mode(self):
        value = envelope("u", after={"status": "APPROVED", "amount": "42.50"})
        self.assertEqual(
            cdc_events.describe(KEY, json.dumps(value).encode()),
            f"u order {ORDER_ID}: status=APPROVED amount=42.50",
        )

    def test_key_with_schema(self):
        key = json.dumps({"schema": {"type": "struct"}, "payload": {"id": ORDER_ID}}).encode()
        value = envelope("r", after={"status": "NEW", "amount": "1.00"})
        self.assertEqual(cdc_events.describe(key, json.dumps(value).encode()), f"r order {ORDER_ID}: status=NEW amount=1.00")

    def test_delete_does_not_trust_the_placeholders_of_before(self):
        value = envelope("d", before={"status": "NEW", "amount": "0"})
        self.assertEqual(cdc_events.describe(KEY, json.dumps(value).encode()), f"d order {ORDER_ID}: deleted")

    def test_tombstone(self):
        self.assertEqual(cdc_events.describe(KEY, None), f"tombstone for order {ORDER_ID}")

    def test_truncate_is_skipped(self):
        self.assertEqual(cdc_events.describe(None, json.dumps(envelope("t")).encode()), "t (truncate) for order None: skipped")


if __name__ == "__main__":
    unittest.main()
