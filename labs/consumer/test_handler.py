"""Tests for handler.py: deduplication, atomicity and header parsing.

Run from labs/consumer:

    DATABASE_URL=postgresql://postgres:postgres@localhost:5432/shop python3 -m unittest -v test_handler

The header tests need nothing else; the database tests are skipped when DATABASE_URL
is not set. They create processed_events and shipments from labs/schemas if missing,
and touch only rows with event ids they generate themselves.
"""

import json
import os
import sys
import unittest
import uuid
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))

import handler  # noqa: E402

SCHEMAS_DIR = Path(__file__).resolve().parent.parent / "schemas"
SCHEMA_FILES = ("processed-events.sql", "shipments.sql")
DATABASE_URL = os.environ.get("DATABASE_URL")

ORDER_ID = "8c1f7a52-3d5e-4b8a-9f61-2a7d0c4e9b13"  # first order in labs/schemas/shop.sql
PAYLOAD = {
    "amount": "299.99",
    "region": "eu",
    "status": "APPROVED",
    "orderId": ORDER_ID,
    "customerId": 1,
}


class SimulatedCrash(RuntimeError):
    """Stands for the process dying after the side effect, before COMMIT."""


class HeaderTests(unittest.TestCase):
    EVENT_ID = "5f0c6b1e-2a9d-4c7e-8b3a-1d4e6f8a9c20"

    def test_none_headers(self):
        self.assertIsNone(handler.event_id_from_headers(None))

    def test_empty_headers(self):
        self.assertIsNone(handler.event_id_from_headers([]))

    def test_missing_id_header(self):
        headers = [("eventType", b"OrderApproved"), ("__debezium.context.taskId", b"0")]
        self.assertIsNone(handler.event_id_from_headers(headers))

    def test_null_id_header(self):
        self.assertIsNone(handler.event_id_from_headers([("id", None)]))

    def test_bytes_from_simple_header_converter(self):
        headers = [
            ("__debezium.context.connectorLogicalName", b"shop"),
            ("id", self.EVENT_ID.encode("utf-8")),
            ("eventType", b"OrderApproved"),
        ]
        self.assertEqual(handler.event_id_from_headers(headers), self.EVENT_ID)

    def test_uppercase_uuid_is_normalised(self):
        headers = [("id", self.EVENT_ID.upper().encode("utf-8"))]
        self.assertEqual(handler.event_id_from_headers(headers), self.EVENT_ID)

    def test_json_string_from_json_header_converter(self):
        headers = [("id", json.dumps(self.EVENT_ID).encode("utf-8"))]
        self.assertEqual(handler.event_id_from_headers(headers), self.EVENT_ID)

    def test_memoryview_and_str_values(self):
        self.assertEqual(
            handler.event_id_from_headers([("id", memoryview(self.EVENT_ID.encode()))]),
            self.EVENT_ID,
        )
        self.assertEqual(handler.event_id_from_headers([("id", self.EVENT_ID)]), self.EVENT_ID)

    def test_first_of_repeated_headers_wins(self):
        other = "00000000-0000-4000-8000-000000000001"
        headers = [("id", self.EVENT_ID.encode()), ("id", other.encode())]
        self.assertEqual(handler.event_id_from_headers(headers), self.EVENT_ID)

    def test_malformed_id_raises(self):
        with self.assertRaises(ValueError):
            handler.event_id_from_headers([("id", b"not-a-uuid")])

    def test_event_type_header(self):
        headers = [("id", self.EVENT_ID.encode()), ("eventType", b"OrderApproved")]
        self.assertEqual(handler.header_text(headers, "eventType"), "OrderApproved")
        self.assertIsNone(handler.header_text(headers, "missing"))
        self.assertIsNone(handler.header_text(None, "eventType"))


class PayloadTests(unittest.TestCase):
    def test_expanded_object(self):
        value = json.dumps(PAYLOAD).encode("utf-8")
        self.assertEqual(handler.decode_payload(value), PAYLOAD)

    def test_double_encoded_string(self):
        value = json.dumps(json.dumps(PAYLOAD)).encode("utf-8")
        self.assertEqual(handler.decode_payload(value), PAYLOAD)

    def test_null_value(self):
        self.assertIsNone(handler.decode_payload(None))


@unittest.skipUnless(DATABASE_URL, "DATABASE_URL is not set")
class HandleEventTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        import psycopg

        cls.conn = psycopg.connect(DATABASE_URL, autocommit=True)
        for name in SCHEMA_FILES:
            cls.conn.execute((SCHEMAS_DIR / name).read_text(encoding="utf-8"))

    @classmethod
    def tearDownClass(cls):
        cls.conn.close()

    def setUp(self):
        self.event_id = str(uuid.uuid4())
        self.addCleanup(self._delete_rows, self.event_id)

    def _delete_rows(self, event_id):
        with self.conn.transaction():
            self.conn.execute("DELETE FROM public.shipments WHERE event_id = %s", (uuid.UUID(event_id),))
            self.conn.execute("DELETE FROM public.processed_events WHERE event_id = %s", (uuid.UUID(event_id),))

    def _counts(self, event_id):
        eid = uuid.UUID(event_id)
        shipments = self.conn.execute(
            "SELECT count(*) FROM public.shipments WHERE event_id = %s", (eid,)
        ).fetchone()[0]
        processed = self.conn.execute(
            "SELECT count(*) FROM public.processed_events WHERE event_id = %s", (eid,)
        ).fetchone()[0]
        return shipments, processed

    def test_same_event_twice_applies_side_effect_once(self):
        first = handler.handle_event(self.conn, self.event_id, "OrderApproved", PAYLOAD)
        second = handler.handle_event(self.conn, self.event_id, "OrderApproved", PAYLOAD)
        self.assertTrue(first)
        self.assertFalse(second)
        self.assertEqual(self._counts(self.event_id), (1, 1))

    def test_dedupe_survives_a_new_connection(self):
        import psycopg

        self.assertTrue(handler.handle_event(self.conn, self.event_id, "OrderApproved", PAYLOAD))
        with psycopg.connect(DATABASE_URL, autocommit=True) as restarted:
            self.assertFalse(handler.handle_event(restarted, self.event_id, "OrderApproved", PAYLOAD))
        self.assertEqual(self._counts(self.event_id), (1, 1))

    def test_crash_between_side_effect_and_commit_leaves_nothing(self):
        real = handler.SIDE_EFFECTS["OrderApproved"]

        def side_effect_then_crash(conn, event_id, payload):
            real(conn, event_id, payload)
            # The shipment row exists inside the open transaction at this point.
            inside = conn.execute(
                "SELECT count(*) FROM public.shipments WHERE event_id = %s", (event_id,)
            ).fetchone()[0]
            self.assertEqual(inside, 1)
            raise SimulatedCrash("process died before COMMIT")

        with mock.patch.dict(handler.SIDE_EFFECTS, {"OrderApproved": side_effect_then_crash}):
            with self.assertRaises(SimulatedCrash):
                handler.handle_event(self.conn, self.event_id, "OrderApproved", PAYLOAD)

        self.assertEqual(self._counts(self.event_id), (0, 0))
        # Redelivery after the crash is processed normally, exactly once.
        self.assertTrue(handler.handle_event(self.conn, self.event_id, "OrderApproved", PAYLOAD))
        self.assertEqual(self._counts(self.event_id), (1, 1))

    def test_bad_payload_rolls_back_the_dedupe_row(self):
        with self.assertRaises(ValueError):
            handler.handle_event(self.conn, self.event_id, "OrderApproved", {"amount": 1})
        self.assertEqual(self._counts(self.event_id), (0, 0))

    def test_event_without_side_effect_is_recorded(self):
        self.assertTrue(handler.handle_event(self.conn, self.event_id, "OrderShipped", PAYLOAD))
        self.assertFalse(handler.handle_event(self.conn, self.event_id, "OrderShipped", PAYLOAD))
        self.assertEqual(self._counts(self.event_id), (0, 1))


if __name__ == "__main__":
    unittest.main()
