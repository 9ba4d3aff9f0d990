// The device the checks follow: the one lab 0 saved under `.lab/device/`, or the prefix's default name.

import { labHome } from '../../src/lab-home.js';
import { loadDeviceCredentials, type DeviceCredentials } from '../../src/device/credentials.js';
import { resourceNames, telemetryTopic } from '../../src/labs/resource-names.js';
import type { CheckContext } from '../../src/engine/types.js';
import { memo } from './memo.js';

export function savedCredentials(ctx: CheckContext): Promise<DeviceCredentials | undefined> {
  return memo(ctx, 'device.credentials', () => loadDeviceCredentials(ctx.home ?? labHome()));
}

export async function deviceName(ctx: CheckContext): Promise<string> {
  return (await savedCredentials(ctx))?.identity?.thingName ?? resourceNames(ctx.config.prefix).thing;
}

export async function deviceTopic(ctx: CheckContext): Promise<string> {
  return telemetryTopic(ctx.config.prefix, await deviceName(ctx));
}
