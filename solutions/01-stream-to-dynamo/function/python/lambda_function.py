"""Ingest function of lab 1: device readings from the Kinesis stream into the DynamoDB table.

Lambda calls lambda_handler with a batch of Kinesis records. Each record's data is a device message,
base64-encoded by Kinesis. Good readings are written in batches; a malformed message is logged and
skipped, because raising would make Lambda retry the whole batch and hold up every reading behind it.
"""

import base64
import json
import os
import re

import boto3

TABLE_NAME = os.environ["TABLE_NAME"]
table = boto3.resource("dynamodb").Table(TABLE_NAME)

TIMESTAMP_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")


def check_reading(message):
    """Returns the table item for a valid reading, or None with the reason it is not one."""
    if not isinstance(message, dict):
        return None, "not a JSON object"
    device = message.get("DEVICE_NAME")
    timestamp = message.get("TIMESTAMP")
    if not isinstance(device, str) or not device:
        return None, "no DEVICE_NAME"
    if not isinstance(timestamp, str) or not TIMESTAMP_FORMAT.match(timestamp):
        return None, "no TIMESTAMP of the form yyyy-mm-ddThh:MM:SS"
    values = {}
    for field in ("HUMIDITY", "TEMPERATURE"):
        value = message.get(field)
        # bool is a subclass of int in Python; a true/false reading is not a number.
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return None, "no integer " + field
        if isinstance(value, float) and not value.is_integer():
            return None, "no integer " + field
        # boto3 refuses Python floats for DynamoDB numbers: store integers.
        values[field.lower()] = int(value)
    return {"deviceid": device, "timestamp": timestamp, **values}, None


def decode(record):
    """The message inside one Kinesis record, or None when it is not JSON."""
    try:
        return json.loads(base64.b64decode(record["kinesis"]["data"]))
    except (KeyError, ValueError):
        return None


def lambda_handler(event, context):
    items = {}
    skipped = 0
    for record in event.get("Records", []):
        item, problem = check_reading(decode(record))
        if item is None:
            skipped += 1
            print("skipped record {}: {}".format(record.get("eventID", "?"), problem or "not JSON"))
            continue
        # One batch may carry the same reading twice (a device retry); DynamoDB refuses duplicate
        # keys within one batch write, so the last copy wins.
        items[(item["deviceid"], item["timestamp"])] = item

    with table.batch_writer() as batch:
        for item in items.values():
            batch.put_item(Item=item)

    print(json.dumps({"received": len(event.get("Records", [])), "written": len(items), "skipped": skipped}))
    return {"written": len(items), "skipped": skipped}
