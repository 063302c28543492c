"""Shipping service consumer for the outbox lab: reads outbox.event.Order, creates shipments.

Run from labs/consumer with the lab stack up (see labs/README.md):

    python consumer.py

Environment (defaults fit labs/compose.yaml from the host):
    BOOTSTRAP_SERVERS  localhost:9092
    DATABASE_URL       postgresql://postgres:postgres@localhost:5432/shop
    GROUP_ID           shipping-service
    TOPIC              outbox.event.Order

Offsets are committed by hand, and only after the database transaction in
handle_event() has committed. A crash between the two makes Kafka deliver the
message again; the processed_events table turns that redelivery into a no-op.
"""

import logging
import os
import signal

import psycopg
from confluent_kafka import Consumer, KafkaException

from handler import (
    EVENT_TYPE_HEADER,
    decode_payload,
    event_id_from_headers,
    handle_event,
    header_text,
)

log = logging.getLogger("shipping")


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    topic = os.environ.get("TOPIC", "outbox.event.Order")
    consumer = Consumer(
        {
            "bootstrap.servers": os.environ.get("BOOTSTRAP_SERVERS", "localhost:9092"),
            "group.id": os.environ.get("GROUP_ID", "shipping-service"),
            "auto.offset.reset": "earliest",
            "enable.auto.commit": False,
        }
    )
    conn = psycopg.connect(
        os.environ.get("DATABASE_URL", "postgresql://postgres:postgres@localhost:5432/shop"),
        autocommit=True,
    )

    running = True

    def stop(signum, frame):
        nonlocal running
        running = False

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)

    consumer.subscribe([topic])
    log.info("waiting for events on %s", topic)
    try:
        while running:
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                raise KafkaException(msg.error())

            headers = msg.headers()  # None or a list of (key, bytes) tuples
            where = f"{msg.topic()}[{msg.partition()}]@{msg.offset()}"
            event_id = event_id_from_headers(headers)
            if event_id is None:
                # Cannot be deduplicated. A real service would park it in a dead-letter topic.
                log.error("%s: no 'id' header, message skipped", where)
                consumer.commit(message=msg, asynchronous=False)
                continue

            event_type = header_text(headers, EVENT_TYPE_HEADER) or "unknown"
            payload = decode_payload(msg.value())

            if handle_event(conn, event_id, event_type, payload):
                log.info("%s: %s %s processed, key=%s", where, event_type, event_id, (msg.key() or b"").decode())
            else:
                log.info("%s: %s %s is a duplicate, skipped", where, event_type, event_id)

            consumer.commit(message=msg, asynchronous=False)
    finally:
        consumer.close()
        conn.close()


if __name__ == "__main__":
    main()
