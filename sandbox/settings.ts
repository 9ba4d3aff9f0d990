// Sandbox-wide settings: where it listens and stores, and the knobs that make it imitate AWS's timing.

import type { Clock } from './edge/clock.js';

export interface SandboxOptions {
  /** TCP port for the edge (0 picks a free one). Default 4566. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Data directory. Default `.lab/sandbox`. Ignored with `inMemory`. */
  dataDir?: string;
  inMemory?: boolean;
  /** Start on a damaged data directory: keep what can be read, move the damaged parts aside (store/damage.ts). */
  repair?: boolean;
  /** Reject requests whose SigV4 signature is not made with the sandbox secret. */
  verifySignatures?: boolean;
  /** The secret long-term access keys sign with. Default SANDBOX_CREDENTIALS's (public, so loopback only). */
  secretAccessKey?: string;
  clock?: Clock;
  /** Delay before CloudWatch metrics become visible, imitating AWS's lag (ms). Default 0. */
  metricDelayMs?: number;
  /** Multiplies Firehose buffering intervals (0.01 makes 60 s into 0.6 s for fast tests). Default 1. */
  firehoseIntervalScale?: number;
  /**
   * Whether role sessions and service roles are held to their policies (a function's calls, an IoT rule
   * action, a Firehose delivery, an event source mapping's reads, a crawler's reads), as AWS holds them.
   * Default true; false lets every role do anything, as the sandbox once did.
   */
  iamEnforcement?: boolean;
  /** How long a role created or changed stays unusable by services, imitating IAM's propagation (ms). Default 0. */
  iamPropagationDelayMs?: number;
  /** Apply Kinesis per-shard write limits. Default false. */
  enforceLimits?: boolean;
  /** How long resources stay CREATING/Pending before ACTIVE (ms), so SDK waiters see the transition. Default 0. */
  provisioningDelayMs?: number;
  /** MQTT over plain TCP (IoT Core's broker, no authentication). 0 picks a free port. Default 1883. */
  mqttPort?: number;
  /** MQTT over TLS with client certificates, as devices reach AWS IoT Core. 0 picks a free port. Default 8883. */
  mqttsPort?: number;
  /** How long a silent or slow client connection is kept before it is closed (ms). Default 20 s. */
  connectionTimeoutMs?: number;
  /** Lambda invocations that may run at once per account and region (AWS: 1,000). Default 5 per core. */
  lambdaConcurrency?: number;
  /** Log each request and refusal on stderr. */
  verbose?: boolean;
}

export const DEFAULT_PORT = 4566;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = '.lab/sandbox';
export const DEFAULT_MQTT_PORT = 1883;
export const DEFAULT_MQTTS_PORT = 8883;

/** The credentials the workbook's `local` target signs with; --verify-signatures checks against this secret. */
export const SANDBOX_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;
export const DEFAULT_REGION = 'us-east-1';
