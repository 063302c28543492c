"""Reads the change events of shop.public.orders and logs each one (module 1, lesson 06).

Run from labs/consumer with the lab stack up and the connector of lesson 05 running:

    python cdc_consumer.py

Environment (defaults fit labs/compose.yaml from the host):
    BOOTSTRAP_SERVERS  localhost:9092
    GROUP_ID           order-audit
    TOPIC              shop.public.orders

At-least-once: auto-commit is off, and the offset of a message is committed only after
the message has been handled. A crash between the two makes Kafka deliver the message
again after the restart, so handling must tolerate duplicates.
"""

import logging
import os
import signal

from confluent_kafka import Consumer, KafkaException

from cdc_events import describe

log = logging.getLogger("order-audit")


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    topic = os.environ.get("TOPIC", "shop.public.orders")
    consumer = Consumer(
        {
            "bootstrap.servers": os.environ.get("BOOTSTRAP_SERVERS", "localhost:9092"),
            "group.id": os.environ.get("GROUP_ID", "order-audit"),
            # A new group starts at the beginning of the topic, snapshot events included.
            "auto.offset.reset": "earliest",
            # Commit by hand, after handling: at-least-once.
            "enable.auto.commit": False,
        }
    )

    running = True

    def stop(signum, frame):
        nonlocal running
        running = False

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)

    consumer.subscribe([topic])
    log.info("waiting for change events on %s", topic)
    try:
        while running:
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                raise KafkaException(msg.error())
            where = f"{msg.topic()}[{msg.partition()}]@{msg.offset()}"
            log.info("%s: %s", where, describe(msg.key(), msg.value()))
            consumer.commit(message=msg, asynchronous=False)
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
