// The lab's saved query: readings and temperature statistics per device and hour of the readings'
// TIMESTAMP. Values are read with try_cast so that what a faulty device sent ("23C", a missing field)
// is left out rather than failing the query, whatever type the crawler gave the columns.

/** The table a crawler names after the data lake's `telemetry/` folder. */
export const LAKE_TABLE = 'telemetry';

export function hourlyStatsSql(table = LAKE_TABLE): string {
  return [
    'SELECT device_name,',
    '       substr("timestamp", 1, 13) AS hour,',
    '       count(*) AS readings,',
    '       round(avg(try_cast(temperature AS integer)), 2) AS avg_temperature,',
    '       min(try_cast(temperature AS integer)) AS min_temperature,',
    '       max(try_cast(temperature AS integer)) AS max_temperature',
    `FROM ${table}`,
    'WHERE try_cast(temperature AS integer) IS NOT NULL',
    '  AND try_cast(humidity AS integer) IS NOT NULL',
    `  AND regexp_like("timestamp", '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$')`,
    'GROUP BY 1, 2',
    'ORDER BY 2, 1',
  ].join('\n');
}

/** The cost lesson's query: one hour's readings, read from that hour's folder alone (partition pruning). */
export function newestHourSql(folder: string, table = LAKE_TABLE): string {
  const [year, month, day, hour] = folder.split('/').filter(Boolean).slice(-4);
  return `SELECT device_name, count(*) AS readings\nFROM ${table}\nWHERE partition_0 = '${year}' AND partition_1 = '${month}' AND partition_2 = '${day}' AND partition_3 = '${hour}'\nGROUP BY device_name`;
}
