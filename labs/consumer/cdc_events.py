"""Reading Debezium change events of shop.public.orders (module 1, lesson 06).

Kept free of Kafka imports on purpose: test_cdc_events.py runs it with the standard
library only. cdc_consumer.py is the thin confluent-kafka loop around describe().

A message value is one of:
  * None: a tombstone, sent after every delete (tombstones.on.delete=true by default);
  * {"schema": ..., "payload": <envelope>}: JsonConverter with schemas.enable=true;
  * <envelope>: JsonConverter with schemas.enable=false.
The envelope has before, after, source, op and ts_ms. A NUMERIC column arrives as base64
bytes of a Connect Decimal under decimal.handling.mode=precise (the default); its scale is
in the schema, so without a schema such a value cannot be read.
"""

from __future__ import annotations

import base64
import json
from decimal import Decimal
from typing import Any, Optional

DECIMAL = "org.apache.kafka.connect.data.Decimal"
OPERATIONS = {"r": "read", "c": "create", "u": "update", "d": "delete", "t": "truncate", "m": "message"}


def unwrap(raw: Optional[bytes]) -> tuple[Optional[dict], Optional[dict]]:
    """(data, schema) of a key or value; (None, None) for a null one (a tombstone's value)."""
    if raw is None:
        return None, None
    doc = json.loads(raw)
    if isinstance(doc, dict) and set(doc) == {"schema", "payload"}:
        return doc["payload"], doc["schema"]
    return doc, None


def field_schema(schema: Optional[dict], *path: str) -> Optional[dict]:
    """The schema of a nested field, e.g. field_schema(value_schema, "after", "amount")."""
    for name in path:
        if schema is None:
            return None
        schema = next((f for f in schema.get("fields", []) if f.get("field") == name), None)
    return schema


def decode_decimal(value: Any, schema: Optional[dict]) -> Any:
    """A Connect Decimal (base64 of a big-endian two's-complement integer, scale in the schema)
    as a Decimal; any other value unchanged (e.g. "42.50" under decimal.handling.mode=string)."""
    if value is None or schema is None or schema.get("name") != DECIMAL:
        return value
    scale = int(schema["parameters"]["scale"])
    unscaled = int.from_bytes(base64.b64decode(value), "big", signed=True)
    return Decimal(unscaled).scaleb(-scale)


def column(envelope: dict, schema: Optional[dict], section: str, name: str) -> Any:
    row = envelope.get(section)
    if row is None:
        return None
    return decode_decimal(row.get(name), field_schema(schema, section, name))


def describe(key: Optional[bytes], value: Optional[bytes]) -> str:
    """One log line for a change event of the orders table."""
    key_data, _ = unwrap(key)
    order_id = key_data.get("id") if isinstance(key_data, dict) else None
    envelope, schema = unwrap(value)
    if envelope is None:
        return f"tombstone for order {order_id}"
    op = envelope.get("op")
    if op == "d":
        return f"d order {order_id}: deleted"
    if op in ("r", "c", "u"):
        status = column(envelope, schema, "after", "status")
        amount = column(envelope, schema, "after", "amount")
        return f"{op} order {order_id}: status={status} amount={amount}"
    return f"{op} ({OPERATIONS.get(op, 'unknown')}) for order {order_id}: skipped"
