// Lab 3's graph page. Reads its settings from the query string (?api=<invoke URL>&device=<id>&every=<s>,
// and &fn=<function> for the logs command), polls GET <api>/datas/<device>, draws temperature and
// humidity over the readings' TIMESTAMP (UTC) with uPlot, and names each failure a student meets.
// Tests read window.labGraph and the body's data attributes.
(function () {
  'use strict';

  const TIMEOUT_MS = 10000;
  const params = new URLSearchParams(location.search);
  const device = (params.get('device') || '').trim();
  const fn = (params.get('fn') || '').trim();
  const every = Math.min(3600, Math.max(1, Number(params.get('every')) || 5));
  // A pasted ".../handson/datas/dev1" is the same stage URL.
  const api = (params.get('api') || '').trim().replace(/\/+$/, '').replace(/\/datas(\/[^/]*)?$/, '');
  const url = api && device ? `${api}/datas/${encodeURIComponent(device)}` : '';

  const state = { state: 'idle', problem: null, points: [], lastUpdate: null, polls: 0, url, device, every };
  window.labGraph = state;

  const $ = (id) => document.getElementById(id);
  const form = $('settings');
  form.elements.api.value = params.get('api') || '';
  form.elements.device.value = device;
  form.elements.every.value = String(every);
  form.elements.fn.value = fn;
  if (device) $('device-name').textContent = device;

  // ---- what a failure looks like to the student -------------------------------------------------
  const logsCommand = () => ({ code: `aws logs tail /aws/lambda/${fn || '<your-function>'} --since 10m` });
  const snippet = (text) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);
  const GATEWAY_ERROR = /^\{"message": ?"Internal server error"\}$/;

  const PROBLEMS = {
    setup: (p) => ({ tone: 'warn', title: 'The page needs an invoke URL and a device', text: [[p.reason]] }),
    library: () => ({
      tone: 'warn',
      title: 'The chart library is missing',
      text: [['The readings are fetched, but cannot be drawn: run ', { code: 'npm run build' }, ' in the workbook (it copies uPlot next to this page), or use ', { code: 'lab graph' }, '.']],
    }),
    cors: (p) => ({
      title: "The browser refused the API's answer (CORS)",
      text: [
        [p.diagnosed ? `The API answered ${p.url} with HTTP ${p.status}` : `The API answered ${p.url}`, ', but without the header ', { code: 'Access-Control-Allow-Origin' }, ', so the browser does not let this page read it.'],
        ['With a Lambda proxy integration, API Gateway passes on only the headers your function returns: the function must send ', { code: '"headers": {"Access-Control-Allow-Origin": "*"}' }, ' with every answer. Give /datas/{deviceid} an OPTIONS method too (Enable CORS) for browsers that ask first, then deploy the API to the stage again.'],
        p.diagnosed
          ? []
          : ["Not sure? API Gateway's own errors carry no CORS header either, so a wrong stage or path (403) or a malformed function answer (502) look the same from here: ", { link: p.url, text: 'open the URL' }, ' in a new tab to see the real answer, or use ', { code: 'lab graph' }, ', which tells them apart.'],
      ],
    }),
    stage: (p) => ({
      title: 'API Gateway has no such route: check the stage name and /datas/{deviceid}',
      text: [
        [{ code: p.url }, ` answered HTTP ${p.status} `, { code: p.body || '(no body)' }, ': no method exists for this path on this stage.'],
        ['The invoke URL is the URL of a deployed stage, e.g. ', { code: 'https://<api-id>.execute-api.<region>.amazonaws.com/handson' }, '; the page adds /datas/<device>. After changing resources or methods, deploy the API to the stage again.'],
      ],
    }),
    function: (p) =>
      GATEWAY_ERROR.test(p.body)
        ? {
            title: 'API Gateway could not run the function (HTTP 500)',
            text: [
              ['API Gateway answered ', { code: p.body }, ' before your function ran: usually the function lacks the permission for apigateway.amazonaws.com to invoke it, or the integration names a function that does not exist. ', { code: 'lab check 3' }, ' says which.'],
            ],
          }
        : {
            title: 'The function failed (HTTP 500)',
            text: [['It answered: ', { code: snippet(p.body) || '(no body)' }], ['Read its logs: ', logsCommand()]],
          },
    proxy: (p) => ({
      title: "The function's answer is not a Lambda proxy answer (HTTP 502)",
      text: [
        ['With a proxy integration the function must return ', { code: '{"statusCode": 200, "headers": {...}, "body": "<JSON text>"}' }, ': the body is a string (', { code: 'json.dumps(...)' }, ' in Python, ', { code: 'JSON.stringify(...)' }, ' in Node), not an object.'],
        ['A function that raised an error or timed out gives 502 too. Read its logs: ', logsCommand()],
      ],
    }),
    empty: (p) => ({
      tone: 'warn',
      title: `No readings of ${p.device} yet`,
      text: [
        ['The API works (HTTP 200) but returned an empty list: the table has no readings with deviceid ', { code: p.device }, '.'],
        ['Start the device with ', { code: 'lab device' }, ' and check that lab 1 writes its readings to the table (', { code: 'lab check 1' }, '). Is the device name right?'],
      ],
    }),
    network: (p) => ({
      title: 'The API cannot be reached',
      text: [
        [p.reason || `The browser got no answer from ${hostOf(p.url)}.`],
        ['Check the invoke URL (API id, region), your network connection, and on the local target that the sandbox runs (', { code: 'lab sandbox start' }, ').'],
      ],
    }),
    shape: (p) => ({
      title: 'The answer is not the list of readings the page expects',
      text: [
        ['HTTP 200, but the body is not ', { code: `{"${p.device}": [{"timestamp": "...", "value": 23, "humidity": 41}, ...]}` }, ':'],
        [{ code: snippet(p.body) || '(no body)' }],
      ],
    }),
    http: (p) => ({ title: `The API answered HTTP ${p.status}`, text: [[{ code: snippet(p.body) || '(no body)' }]] }),
  };

  function hostOf(address) {
    try {
      return new URL(address).host;
    } catch {
      return address;
    }
  }

  // ---- reading the API's answer --------------------------------------------------------------------
  /** Readings' TIMESTAMP is UTC without a zone ("2026-12-03T06:25:40"). */
  function timeOf(ts) {
    if (typeof ts === 'number') return ts < 1e12 ? ts * 1000 : ts;
    if (typeof ts !== 'string') return NaN;
    const iso = ts.trim().replace(' ', 'T');
    return Date.parse(/(Z|[+-]\d\d:?\d\d)$/i.test(iso) ? iso : `${iso}Z`);
  }

  function numberOf(v) {
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    return typeof n === 'number' && Number.isFinite(n) ? n : null;
  }

  /** {device: [...]} as the lab asks; a bare list, or an object with one list, is read too. */
  function readingsOf(doc) {
    if (Array.isArray(doc)) return doc;
    if (!doc || typeof doc !== 'object') return undefined;
    if (Array.isArray(doc[device])) return doc[device];
    const lists = Object.values(doc).filter(Array.isArray);
    return lists.length === 1 ? lists[0] : undefined;
  }

  function fromBody(text) {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch {
      return { kind: 'shape', body: text };
    }
    const list = readingsOf(doc);
    if (!list) return { kind: 'shape', body: text };
    if (list.length === 0) return { kind: 'empty' };
    const points = [];
    for (const item of list) {
      if (!item || typeof item !== 'object') continue;
      const ts = item.timestamp ?? item.TIMESTAMP;
      const time = timeOf(ts);
      if (!Number.isFinite(time)) continue;
      points.push({ timestamp: String(ts), time, value: numberOf(item.value ?? item.temperature ?? item.TEMPERATURE), humidity: numberOf(item.humidity ?? item.HUMIDITY) });
    }
    if (points.length === 0) return { kind: 'shape', body: text };
    points.sort((a, b) => a.time - b.time);
    return { kind: 'ok', points };
  }

  function fromStatus(status, body) {
    if (status === 403) return { kind: 'stage', status, body };
    if (status === 500) return { kind: 'function', status, body };
    if (status === 502) return { kind: 'proxy', status, body };
    return { kind: 'http', status, body };
  }

  /**
   * fetch() threw: the browser refused the answer (CORS) or got none. `lab graph` serves /probe, which
   * asks the API from outside the browser and says what it really answered; opened as a file, a
   * no-cors request can still tell "answered" from "unreachable".
   */
  async function diagnose() {
    if (location.protocol === 'http:' || location.protocol === 'https:') {
      try {
        const res = await fetch(`probe?url=${encodeURIComponent(url)}`, { headers: { 'x-lab-graph': '1' }, cache: 'no-store' });
        if (res.ok) {
          const probe = await res.json();
          if (probe.unreachable) return { kind: 'network', reason: `No answer from ${hostOf(url)}: ${probe.unreachable}.` };
          if (probe.status >= 200 && probe.status < 300) return { kind: 'cors', status: probe.status, diagnosed: true };
          return fromStatus(probe.status, probe.body);
        }
      } catch {
        // Not served by `lab graph`: fall through.
      }
    }
    try {
      await fetch(url, { mode: 'no-cors', cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
      return { kind: 'cors', diagnosed: false };
    } catch {
      return { kind: 'network' };
    }
  }

  async function ask() {
    let res;
    try {
      res = await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      if (err && err.name === 'TimeoutError') return { kind: 'network', reason: `${hostOf(url)} did not answer within ${TIMEOUT_MS / 1000} s.` };
      return diagnose();
    }
    const text = await res.text();
    return res.status === 200 ? fromBody(text) : fromStatus(res.status, text);
  }

  // ---- showing it --------------------------------------------------------------------------------------
  function showBanner(kind, details) {
    const banner = $('banner');
    if (!kind) {
      banner.hidden = true;
      return;
    }
    const { tone, title, text } = PROBLEMS[kind]({ url, device, ...details });
    banner.dataset.kind = kind;
    banner.dataset.tone = tone || 'error';
    $('banner-title').textContent = title;
    const body = $('banner-text');
    body.replaceChildren();
    for (const parts of text) {
      if (parts.length === 0) continue;
      const p = document.createElement('p');
      for (const part of parts) {
        if (typeof part === 'string') p.append(part);
        else if (part.code !== undefined) p.append(Object.assign(document.createElement('code'), { textContent: part.code }));
        else if (part.link) p.append(Object.assign(document.createElement('a'), { href: part.link, target: '_blank', rel: 'noopener', textContent: part.text }));
      }
      body.append(p);
    }
    banner.hidden = false;
  }

  const utc = (ms) => new Date(ms).toISOString().slice(11, 19);

  function showStatus() {
    const parts = [];
    if (state.lastUpdate) parts.push(`Updated ${utc(Date.parse(state.lastUpdate))} UTC`);
    parts.push(`${state.points.length} point${state.points.length === 1 ? '' : 's'}`);
    const newest = state.points[state.points.length - 1];
    if (newest) parts.push(`newest reading ${newest.timestamp}`);
    if (state.state === 'error') parts.push(`${$('banner-title').textContent}; trying again every ${every} s`);
    else parts.push(`every ${every} s`);
    $('status').textContent = parts.join(' · ');
    document.body.dataset.state = state.state;
    document.body.dataset.problem = state.problem ? state.problem.kind : '';
    document.body.dataset.points = String(state.points.length);
  }

  let chart = null;
  const hasLibrary = typeof window.uPlot === 'function';

  function chartSize() {
    const box = $('chart');
    const top = box.getBoundingClientRect().top + window.scrollY;
    return { width: Math.max(320, box.clientWidth), height: Math.max(240, window.innerHeight - top - 80) };
  }

  /** 24-hour UTC tick labels, with the date under the first one and wherever the day changes. */
  function timeLabels(u, splits) {
    const utcDate = (s) => window.uPlot.tzDate(new Date(s * 1000), 'Etc/UTC');
    const time = window.uPlot.fmtDate(splits.every((s) => s % 60 === 0) ? '{HH}:{mm}' : '{HH}:{mm}:{ss}');
    const day = window.uPlot.fmtDate('{YYYY}-{MM}-{DD}');
    return splits.map((s, i) => {
      const label = time(utcDate(s));
      return i === 0 || day(utcDate(s)) !== day(utcDate(splits[i - 1])) ? `${label}\n${day(utcDate(s))}` : label;
    });
  }

  function draw() {
    if (!hasLibrary) return;
    const data = [state.points.map((p) => p.time / 1000), state.points.map((p) => p.value), state.points.map((p) => p.humidity)];
    if (chart) {
      chart.setData(data);
      return;
    }
    const uPlot = window.uPlot;
    chart = new uPlot(
      {
        ...chartSize(),
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        scales: { x: { time: true } },
        series: [
          { label: 'Time (UTC)', value: '{YYYY}-{MM}-{DD} {HH}:{mm}:{ss}' },
          { label: 'Temperature (°C)', scale: 'temp', stroke: '#d9480f', width: 2, points: { size: 5 } },
          { label: 'Humidity (%)', scale: 'hum', stroke: '#1c7ed6', width: 2, points: { size: 5 } },
        ],
        axes: [
          { values: timeLabels },
          { scale: 'temp', label: 'Temperature (°C)', stroke: '#d9480f' },
          { scale: 'hum', label: 'Humidity (%)', side: 1, stroke: '#1c7ed6', grid: { show: false } },
        ],
      },
      data,
      $('chart'),
    );
    window.addEventListener('resize', () => chart.setSize(chartSize()));
  }

  function apply(outcome) {
    if (outcome.kind === 'ok' || outcome.kind === 'empty') {
      state.points = outcome.kind === 'ok' ? outcome.points : [];
      state.lastUpdate = new Date().toISOString();
      state.state = outcome.kind;
      state.problem = outcome.kind === 'empty' ? { kind: 'empty' } : null;
      draw();
    } else {
      // A failed poll keeps the last chart: the banner says why it is not moving.
      state.state = 'error';
      state.problem = { kind: outcome.kind, status: outcome.status };
    }
    if (!hasLibrary && state.state !== 'error') showBanner('library');
    else showBanner(state.problem && state.problem.kind, outcome);
    showStatus();
  }

  async function poll() {
    state.polls += 1;
    let outcome;
    try {
      outcome = await ask();
    } catch (err) {
      outcome = { kind: 'network', reason: String(err && err.message ? err.message : err) };
    }
    apply(outcome);
    setTimeout(poll, every * 1000);
  }

  if (!url) {
    if (params.has('api') || params.has('device')) {
      state.state = 'error';
      state.problem = { kind: 'setup' };
      showBanner('setup', { reason: api ? 'Enter the device name (the deviceid of its readings).' : "Enter the invoke URL of your API's stage." });
    }
    document.body.dataset.state = state.state;
    return;
  }
  if (!/^https?:\/\//i.test(api)) {
    state.state = 'error';
    state.problem = { kind: 'setup' };
    showBanner('setup', { reason: `The invoke URL must start with https:// (or http:// for the local sandbox), not "${api}".` });
    showStatus();
    return;
  }
  state.state = 'loading';
  $('status').textContent = `Asking ${url} …`;
  poll();
})();
