"""Idempotent handling of outbox events for the shipping service (outbox lab, module 4).

Kept free of Kafka imports on purpose: the tests run it with nothing but psycopg 3.
consumer.py is the thin confluent-kafka loop around these functions.
"""

from __future__ import annotations

import json
import uuid
from typing import Any, Optional, Sequence, Tuple, Union

HeaderValue = Union[bytes, bytearray, memoryview, str, None]
Headers = Optional[Sequence[Tuple[str, HeaderValue]]]

EVENT_ID_HEADER = "id"
EVENT_TYPE_HEADER = "eventType"


def header_text(headers: Headers, name: str) -> Optional[str]:
    """Return the first header called `name` as text, or None when it is absent.

    confluent-kafka's Message.headers() returns None or a list of (key, value) tuples,
    where value is bytes (or None for a null header). Keys may repeat, so this is a
    lookup in a list, not in a dict.
    """
    if not headers:
        return None
    for key, value in headers:
        if key != name:
            continue
        if value is None:
            return None
        if isinstance(value, (bytes, bytearray, memoryview)):
            return bytes(value).decode("utf-8")
        return str(value)
    return None


def event_id_from_headers(headers: Headers) -> Optional[str]:
    """Extract the outbox event id that Debezium's EventRouter puts into the `id` header.

    Returns the id as a canonical UUID string, or None when the message has no headers
    or no `id` header. Raises ValueError when the header is there but is not a UUID.

    With Kafka Connect's default SimpleHeaderConverter the header holds the plain UUID
    text. A worker or connector configured with JsonConverter as header.converter
    writes it as a JSON string instead ("..." in quotes); that form is accepted too.
    """
    text = header_text(headers, EVENT_ID_HEADER)
    if text is None:
        return None
    text = text.strip()
    if text.startswith('"'):
        text = json.loads(text)
    try:
        return str(uuid.UUID(text))
    except (ValueError, TypeError, AttributeError) as exc:
        raise ValueError(
            f"header {EVENT_ID_HEADER!r} is not a UUID: {text!r}; "
            "check the connector's header.converter"
        ) from exc


def decode_payload(value: Optional[bytes]) -> Any:
    """Decode the record value written by JsonConverter with schemas.enable=false.

    With table.expand.json.payload=true the value is a JSON object. Without it the
    jsonb column arrives as a JSON string that contains JSON (double-encoded); that
    case is unwrapped here so the lab keeps working, but the connector should be fixed.
    """
    if value is None:
        return None
    decoded = json.loads(value)
    if isinstance(decoded, str):
        decoded = json.loads(decoded)
    return decoded


def create_shipment(conn, event_id: uuid.UUID, payload: dict) -> None:
    """The side effect of OrderApproved: a pending shipment for the order."""
    try:
        order_id = uuid.UUID(str(payload["orderId"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"OrderApproved payload has no valid orderId: {payload!r}") from exc
    conn.execute(
        "INSERT INTO public.shipments (order_id, event_id) VALUES (%s, %s)",
        (order_id, event_id),
    )


SIDE_EFFECTS = {
    "OrderApproved": create_shipment,
}


def handle_event(conn, event_id: str, event_type: str, payload: dict) -> bool:
    """Process one event at most once. Returns True if it was processed now, False for a duplicate.

    `conn` is a psycopg 3 connection in autocommit mode; the dedupe row and the side
    effect share one transaction, so either both are committed or neither is. Event
    types without a side effect are still recorded, so a replay of them is skipped too.
    """
    event_uuid = uuid.UUID(str(event_id))
    with conn.transaction():
        cur = conn.execute(
            "INSERT INTO public.processed_events (event_id, event_type) VALUES (%s, %s) "
            "ON CONFLICT (event_id) DO NOTHING",
            (event_uuid, event_type),
        )
        if cur.rowcount != 1:
            return False
        side_effect = SIDE_EFFECTS.get(event_type)
        if side_effect is not None:
            side_effect(conn, event_uuid, payload)
    return True

