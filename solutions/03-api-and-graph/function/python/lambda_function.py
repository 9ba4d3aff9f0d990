# API function of lab 3, as the workshop writes it: API Gateway's Lambda proxy integration calls it for
# GET /datas/{deviceid}; it answers the device's newest 30 readings from the readings table, newest
# first, as {"<deviceid>": [{"timestamp": ..., "value": <temperature>, "humidity": ...}]}.
# The function itself must send Access-Control-Allow-Origin: with a proxy integration, API Gateway
# passes the function's headers through and adds none.
import json
import os

import boto3
from boto3.dynamodb.conditions import Key

table = boto3.resource('dynamodb').Table(os.environ['TABLE_NAME'])

CORS = {'Access-Control-Allow-Origin': '*'}


def as_int(value):
    # DynamoDB numbers arrive as Decimal, which json.dumps cannot write.
    return int(value) if value is not None else None


def lambda_handler(event, context):
    try:
        deviceid = event['pathParameters']['deviceid']
        response = table.query(
            KeyConditionExpression=Key('deviceid').eq(deviceid),
            ScanIndexForward=False,
            Limit=30,
        )
        datas = []
        for item in response['Items']:
            datas.append({
                'timestamp': item['timestamp'],
                'value': as_int(item.get('temperature')),
                'humidity': as_int(item.get('humidity')),
            })
        return {
            'statusCode': 200,
            'headers': dict(CORS, **{'Content-Type': 'application/json'}),
            'body': json.dumps({deviceid: datas}),
        }
    except Exception as error:
        print('Could not read the readings:', repr(error))
        return {
            'statusCode': 500,
            'headers': dict(CORS, **{'Content-Type': 'text/plain'}),
            'body': 'Could not read the readings: ' + type(error).__name__,
        }
