// Fixed query results shaped as Athena returns them, for the chart tests that need no sandbox.

import type { ResultTable } from '../../src/chart/run-query.js';

/** What lab 4's hourly-stats query returns: one row per hour and device, averages as doubles. */
export function hourlyStats(hours = 12, devices = ['iotlab-dev1', 'iotlab-dev2']): ResultTable {
  const rows: (string | null)[][] = [];
  for (let h = 0; h < hours; h++) {
    devices.forEach((device, d) => {
      const hour = `2026-11-28 ${String(h).padStart(2, '0')}:00:00.000`;
      const temperature = 20 + 3 * Math.sin(h / 2) + 2 * d;
      const humidity = 45 + 5 * Math.cos(h / 3) - 3 * d;
      rows.push([hour, device, temperature.toFixed(2), humidity.toFixed(2), String(60 * 60)]);
    });
  }
  return {
    columns: [
      { name: 'hour', type: 'timestamp' },
      { name: 'device_name', type: 'varchar' },
      { name: 'avg_temperature', type: 'double' },
      { name: 'avg_humidity', type: 'double' },
      { name: 'readings', type: 'bigint' },
    ],
    rows,
  };
}

/** Readings per device: a category and a count, drawn as bars. */
export function perDevice(): ResultTable {
  return {
    columns: [
      { name: 'device_name', type: 'varchar' },
      { name: 'readings', type: 'bigint' },
    ],
    rows: [
      ['iotlab-dev1', '3600'],
      ['iotlab-dev2', '1800'],
      ['iotlab-dev3', '900'],
    ],
  };
}
