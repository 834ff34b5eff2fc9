# A small Python service instrumented with the real sentry-python SDK (Debian's python3-sentry-sdk).
import json
import logging
import os
import sys

import sentry_sdk
from sentry_sdk.integrations.logging import LoggingIntegration

sent = []


def before_send(event, hint):
    sent.append(event["event_id"])
    return event


sentry_sdk.init(
    dsn=os.environ["SENTRY_DSN"],
    release="billing@3.1.0",
    environment="production",
    before_send=before_send,
    integrations=[LoggingIntegration(level=logging.INFO, event_level=logging.ERROR)],
)
sentry_sdk.set_user({"id": "7", "email": "grace@example.com"})
sentry_sdk.set_tag("worker", "invoices")


def compute_total(invoice):
    return invoice["amount"] / invoice["quantity"]


for quantity in (0, 0):
    try:
        compute_total({"amount": 10, "quantity": quantity, "password": "hunter2"})
    except ZeroDivisionError:
        sentry_sdk.capture_exception()

log = logging.getLogger("billing")
log.error("Invoice %s could not be sent to %s", "INV-1", "acme")
log.error("Invoice %s could not be sent to %s", "INV-2", "globex")

sentry_sdk.flush(5)
print(json.dumps(sent))
sys.stdout.flush()
