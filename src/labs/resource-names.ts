// The names the labs give their resources, derived from the configured prefix. The reference solutions
// create these; the checks prefer them when a reference (a rule's action, a function's TABLE_NAME) is missing.

export interface ResourceNames {
  thing: string;
  devicePolicy: string;
  /** MQTT topics the devices publish on: `<prefix>/telemetry/<device>`. */
  telemetryTopicFilter: string;
  stream: string;
  table: string;
  ingestFunction: string;
  ingestRole: string;
  ruleRole: string;
  /** Topic rule names allow only letters, digits and underscores. */
  streamRule: string;
}

export function resourceNames(prefix: string): ResourceNames {
  const underscored = prefix.replace(/-/g, '_');
  return {
    thing: `${prefix}-dev1`,
    devicePolicy: `${prefix}-device-policy`,
    telemetryTopicFilter: `${prefix}/telemetry/#`,
    stream: `${prefix}-stream`,
    table: `${prefix}-readings`,
    ingestFunction: `${prefix}-ingest`,
    ingestRole: `${prefix}-ingest-role`,
    ruleRole: `${prefix}-iot-rule-role`,
    streamRule: `${underscored}_telemetry_to_stream`,
  };
}

export function telemetryTopic(prefix: string, device: string): string {
  return `${prefix}/telemetry/${device}`;
}
