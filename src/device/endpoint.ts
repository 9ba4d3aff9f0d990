// The account's MQTT endpoint, from IoT's DescribeEndpoint (iot:Data-ATS). An address may carry a port
// (`host:port`); without one, the MQTT over TLS port 8883. MQTT over WebSocket is offered at `/mqtt`
// of the same endpoint on 443, and by the sandbox on its own HTTP endpoint.

import { DescribeEndpointCommand, IoTClient } from '@aws-sdk/client-iot';
import type { ClientFactory } from '../target/clients.js';
import { td } from './messages.js';

export const MQTT_TLS_PORT = 8883;

export interface MqttEndpoint {
  host: string;
  port: number;
}

/** A port in the address wins; then the one the target says; then MQTT over TLS's 8883. */
export function parseEndpointAddress(address: string, defaultPort = MQTT_TLS_PORT): MqttEndpoint {
  const match = /^(.*):(\d+)$/.exec(address);
  return match ? { host: match[1]!, port: Number(match[2]) } : { host: address, port: defaultPort };
}

export async function describeMqttEndpoint(clients: ClientFactory, defaultPort?: number, signal?: AbortSignal): Promise<MqttEndpoint> {
  const out = await clients.get(IoTClient).send(new DescribeEndpointCommand({ endpointType: 'iot:Data-ATS' }), { abortSignal: signal });
  if (!out.endpointAddress) throw new Error(td('noEndpointAddress'));
  return parseEndpointAddress(out.endpointAddress, defaultPort);
}

export const MQTT_WEBSOCKET_PATH = '/mqtt';

/** Where MQTT over WebSocket is offered: the target's own endpoint when it has one (the sandbox), else the ATS endpoint on 443. */
export async function describeMqttWebSocketUrl(clients: ClientFactory, signal?: AbortSignal): Promise<URL> {
  const own = clients.settings.endpoint;
  if (own) {
    const url = new URL(MQTT_WEBSOCKET_PATH, own);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return url;
  }
  const { host } = await describeMqttEndpoint(clients, undefined, signal);
  return new URL(`wss://${host}${MQTT_WEBSOCKET_PATH}`);
}
