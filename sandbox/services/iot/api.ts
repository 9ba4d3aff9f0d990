// What other parts of the sandbox ask IoT Core in-process: the data plane's HTTP Publish goes through
// the same broker and rules as an MQTT publish, its MQTT over WebSocket into the same broker; tests wait
// for rule actions to finish.

import type { Principal, RequestContext } from '../../edge/context.js';
import type { EdgeRequest, EdgeResponse } from '../../edge/http-types.js';

export interface IotEndpoints {
  /** The host DescribeEndpoint returns and the broker's certificate names. */
  host: string;
  mqttPort: number;
  mqttsPort: number;
  caPem: string;
  /** The CA certificate's file (undefined for an in-memory sandbox). */
  caPath?: string;
}

export interface IotApi {
  /** Publishes a message to subscribers and topic rules, as the broker does for a device. */
  publish(owner: Principal, topic: string, payload: Buffer, qos: 0 | 1, origin: { clientId: string; principal?: string }): Promise<void>;
  endpoints(): IotEndpoints;
  /** Takes an upgrade to MQTT over WebSocket (SigV4-presigned) into the broker, or answers why not. */
  acceptWebSocket(req: EdgeRequest, ctx: RequestContext): Promise<EdgeResponse>;
  /** Resolves once every rule action started so far has finished. */
  rulesIdle(): Promise<void>;
}
