// `lab device`: a simulated device publishing readings to the target's IoT Core over MQTT with mutual
// TLS, with the certificate of lab 0. Shows each publish; Ctrl-C stops it cleanly.

import { startDevice } from '../device/start.js';
import { connect, openSession, type GlobalOptions } from '../session.js';
import { headerLine } from '../target/target.js';
import { stdout, type Output } from '../output.js';
import { positiveInteger, positiveNumber } from '../cli/option-values.js';
import { td } from '../device/messages.js';

export interface DeviceOptions extends GlobalOptions {
  name?: string;
  rate?: string;
  count?: string;
  topic?: string;
  malformedEvery?: string;
  ca?: string;
}

export async function deviceCommand(options: DeviceOptions, out: Output = stdout): Promise<void> {
  const rate = positiveNumber('--rate', options.rate ?? '1');
  const count = options.count === undefined ? undefined : positiveInteger('--count', options.count);
  const malformedEvery = options.malformedEvery === undefined ? undefined : positiveInteger('--malformed-every', options.malformedEvery);
  const session = await openSession(options);
  const { clients, target } = await connect(session);
  try {
    out.line(headerLine(target));
    const device = await startDevice({
      clients,
      home: session.home,
      prefix: session.config.prefix,
      name: options.name,
      topic: options.topic,
      rate,
      count,
      malformedEvery,
      caFile: options.ca,
      onPublish: (e) => out.line(`#${e.index} → ${e.topic} ${e.payload}${e.malformed ? `   ${td('run.malformed')}` : ''}`),
    });
    const where = { name: device.name, host: device.endpoint.host, port: device.endpoint.port, topic: device.topic };
    out.line(count ? td('run.connectedTimes', { ...where, times: count }) : td('run.connected', where));
    const onInterrupt = () => void device.stop();
    process.once('SIGINT', onInterrupt);
    try {
      const summary = await device.done;
      out.line(summary.malformed ? td('run.stoppedMalformed', { published: summary.published, malformed: summary.malformed }) : td('run.stopped', { published: summary.published }));
    } finally {
      process.removeListener('SIGINT', onInterrupt);
    }
  } finally {
    clients.destroy();
  }
}


