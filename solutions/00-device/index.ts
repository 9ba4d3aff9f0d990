// Reference solution of lab 0: the device's thing, a policy limited to the lab's clients and topics,
// an ACTIVE certificate saved under the lab home for `lab device`, and the attachments.

import { defineSolution, type SolutionContext } from '../../src/engine/solution.js';
import { labHome } from '../../src/lab-home.js';
import { resourceNames } from '../../src/labs/resource-names.js';
import { Ledger } from '../lib/ledger.js';
import { ensureAttachments, ensureCertificate, ensureIotPolicy, ensureThing } from '../lib/iot-device.js';
import { ts } from '../lib/messages.js';

/** Devices may connect under the prefix's client ids and use the prefix's telemetry topics, nothing else. */
export function devicePolicy(ctx: SolutionContext): object {
  const { prefix } = ctx.config;
  const arn = (resource: string) => `arn:aws:iot:${ctx.target.region}:${ctx.target.accountId}:${resource}`;
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'iot:Connect', Resource: arn(`client/${prefix}-*`) },
      { Effect: 'Allow', Action: ['iot:Publish', 'iot:Receive'], Resource: arn(`topic/${prefix}/telemetry/*`) },
      { Effect: 'Allow', Action: 'iot:Subscribe', Resource: arn(`topicfilter/${prefix}/telemetry/*`) },
    ],
  };
}

export default defineSolution({
  async deploy(ctx) {
    const names = resourceNames(ctx.config.prefix);
    const ledger = new Ledger(ctx);
    await ensureThing(ctx, ledger, names.thing);
    await ensureIotPolicy(ctx, ledger, names.devicePolicy, devicePolicy(ctx));
    const certificateArn = await ensureCertificate(ctx, ledger, labHome(), names.thing);
    await ensureAttachments(ctx, ledger, names.thing, names.devicePolicy, certificateArn);
    ledger.note(ts('notes.startDevice'));
    return ledger.result();
  },
});
