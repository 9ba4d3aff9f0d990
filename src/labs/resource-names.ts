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
  /** Lab 2: the Firehose delivery stream, its role (writes the bucket), the rule and the rule's role. */
  deliveryStream: string;
  deliveryRole: string;
  firehoseRule: string;
  firehoseRuleRole: string;
  /** Where the delivery stream writes in the data lake, and where it writes records it could not deliver. */
  dataLakePrefix: string;
  errorOutputPrefix: string;
  /** Lab 3: the API function, its role, and the REST API in front of it. */
  apiFunction: string;
  apiRole: string;
  api: string;
  /** Lab 4: the Glue database and crawler (and its role), the Athena workgroup and the saved query. */
  glueDatabase: string;
  crawler: string;
  crawlerRole: string;
  workgroup: string;
  hourlyStatsQuery: string;
  /** Where Athena writes query results in the data lake bucket. */
  athenaResultsPrefix: string;
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
    deliveryStream: `${prefix}-firehose`,
    deliveryRole: `${prefix}-firehose-role`,
    firehoseRule: `${underscored}_telemetry_to_firehose`,
    firehoseRuleRole: `${prefix}-iot-firehose-role`,
    dataLakePrefix: 'telemetry/',
    errorOutputPrefix: 'errors/!{firehose:error-output-type}/',
    apiFunction: `${prefix}-api`,
    apiRole: `${prefix}-api-role`,
    api: `${prefix}-api`,
    // Glue database names allow lower-case letters, digits and underscores only.
    glueDatabase: `${underscored.toLowerCase()}_datalake`,
    crawler: `${prefix}-crawler`,
    crawlerRole: `${prefix}-crawler-role`,
    workgroup: `${prefix}-wg`,
    hourlyStatsQuery: `${prefix}-hourly-stats`,
    athenaResultsPrefix: 'athena-results/',
  };
}

export function telemetryTopic(prefix: string, device: string): string {
  return `${prefix}/telemetry/${device}`;
}

/** Bucket names are global: the account id keeps two students' data lakes apart. */
export function dataLakeBucket(prefix: string, accountId: string): string {
  return `${prefix}-datalake-${accountId}`;
}
