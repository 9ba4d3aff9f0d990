// Lab 3's graph page. Reads its settings from the query string (?api=<invoke URL>&device=<id>&every=<s>,
// and &fn=<function> for the logs command), polls GET <api>/datas/<device>, draws temperature and
// humidity over the readings' TIMESTAMP (UTC) with uPlot, and names each failure a student meets.
// Tests read window.labGraph and the body's data attributes. Its words: the English below, or those
// `lab graph` embeds as window.labGraphText in the workbook's language (src/graph/messages.ts, whose
// English is this English; `backticks` mark code and {{link}} a link).
(function () {
  'use strict';

  const ENGLISH = {
    "title": "IoT readings · lab 3",
    "heading": "Readings of {{device}}",
    "aDevice": "a device",
    "form.api": "Invoke URL",
    "form.device": "Device",
    "form.every": "Every",
    "form.seconds": "s",
    "form.show": "Show",
    "intro": "Enter the invoke URL of your API's stage and the device name.",
    "asking": "Asking {{url}} …",
    "status.updated": "Updated {{time}} UTC",
    "status.point": "{{points}} point",
    "status.points": "{{points}} points",
    "status.newest": "newest reading {{timestamp}}",
    "status.retrying": "{{problem}}; trying again every {{every}} s",
    "status.every": "every {{every}} s",
    "chart.time": "Time (UTC)",
    "chart.temperature": "Temperature (°C)",
    "chart.humidity": "Humidity (%)",
    "noBody": "(no body)",
    "yourFunction": "<your-function>",
    "logs": "Read its logs: `{{command}}`",
    "setup.title": "The page needs an invoke URL and a device",
    "setup.noDevice": "Enter the device name (the deviceid of its readings).",
    "setup.noApi": "Enter the invoke URL of your API's stage.",
    "setup.notHttp": "The invoke URL must start with https:// (or http:// for the local sandbox), not \"{{api}}\".",
    "library.title": "The chart library is missing",
    "library.text": "The readings are fetched, but cannot be drawn: run `npm run build` in the workbook (it copies uPlot next to this page), or use `lab graph`.",
    "cors.title": "The browser refused the API's answer (CORS)",
    "cors.answered": "The API answered {{url}}, but without the header `Access-Control-Allow-Origin`, so the browser does not let this page read it.",
    "cors.answeredStatus": "The API answered {{url}} with HTTP {{status}}, but without the header `Access-Control-Allow-Origin`, so the browser does not let this page read it.",
    "cors.proxy": "With a Lambda proxy integration, API Gateway passes on only the headers your function returns: the function must send `\"headers\": {\"Access-Control-Allow-Origin\": \"*\"}` with every answer. Give /datas/{deviceid} an OPTIONS method too (Enable CORS) for browsers that ask first, then deploy the API to the stage again.",
    "cors.notSure": "Not sure? API Gateway's own errors carry no CORS header either, so a wrong stage or path (403) or a malformed function answer (502) look the same from here: {{link}} in a new tab to see the real answer, or use `lab graph`, which tells them apart.",
    "cors.openUrl": "open the URL",
    "stage.title": "API Gateway has no such route: check the stage name and /datas/{deviceid}",
    "stage.answered": "`{{url}}` answered HTTP {{status}} `{{body}}`: no method exists for this path on this stage.",
    "stage.invokeUrl": "The invoke URL is the URL of a deployed stage, e.g. `https://<api-id>.execute-api.<region>.amazonaws.com/handson`; the page adds /datas/<device>. After changing resources or methods, deploy the API to the stage again.",
    "gateway.title": "API Gateway could not run the function (HTTP 500)",
    "gateway.text": "API Gateway answered `{{body}}` before your function ran: usually the function lacks the permission for apigateway.amazonaws.com to invoke it, or the integration names a function that does not exist. `lab check 3` says which.",
    "function.title": "The function failed (HTTP 500)",
    "function.answered": "It answered: `{{body}}`",
    "proxy.title": "The function's answer is not a Lambda proxy answer (HTTP 502)",
    "proxy.shape": "With a proxy integration the function must return `{\"statusCode\": 200, \"headers\": {...}, \"body\": \"<JSON text>\"}`: the body is a string (`json.dumps(...)` in Python, `JSON.stringify(...)` in Node), not an object.",
    "proxy.failed": "A function that raised an error or timed out gives 502 too. Read its logs: `{{command}}`",
    "empty.title": "No readings of {{device}} yet",
    "empty.list": "The API works (HTTP 200) but returned an empty list: the table has no readings with deviceid `{{device}}`.",
    "empty.start": "Start the device with `lab device` and check that lab 1 writes its readings to the table (`lab check 1`). Is the device name right?",
    "network.title": "The API cannot be reached",
    "network.noAnswer": "The browser got no answer from {{host}}.",
    "network.probe": "No answer from {{host}}: {{reason}}.",
    "network.timeout": "{{host}} did not answer within {{seconds}} s.",
    "network.check": "Check the invoke URL (API id, region), your network connection, and on the local target that the sandbox runs (`lab sandbox start`).",
    "shape.title": "The answer is not the list of readings the page expects",
    "shape.expected": "HTTP 200, but the body is not `{\"{{device}}\": [{\"timestamp\": \"...\", \"value\": 23, \"humidity\": 41}, ...]}`:",
    "http.title": "The API answered HTTP {{status}}",
  };
  const TEXT = Object.assign({}, ENGLISH, window.labGraphText || {});
  const fill = (template, values) => template.replace(/\{\{(\w+)\}\}/g, (_, name) => String(values && values[name] !== undefined ? values[name] : ''));
  /** The words of `key` as plain text. */
  const say = (key, values) => fill(TEXT[key], values);
  /** The words of `key` as a paragraph's parts: text, {code} for `backticks`, and a {link} given as a value. */
  function paragraph(key, values) {
    const parts = [];
    TEXT[key].split('`').forEach((piece, i) => {
      if (i % 2 === 1) return parts.push({ code: fill(piece, values) });
      piece.split(/(\{\{\w+\}\})/).forEach((bit) => {
        const name = /^\{\{(\w+)\}\}$/.exec(bit);
        const value = name && values ? values[name[1]] : undefined;
        if (value && typeof value === 'object') parts.push(value);
        else if (bit) parts.push(name ? String(value === undefined ? '' : value) : bit);
      });
    });
    return parts;
  }

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
  document.title = say('title');
  for (const element of document.querySelectorAll('[data-text]')) element.textContent = say(element.dataset.text);
  const deviceName = $('device-name');
  deviceName.textContent = device || say('aDevice');
  $('heading').replaceChildren(...paragraph('heading', { device: deviceName }));

  // ---- what a failure looks like to the student -------------------------------------------------
  const logsCommand = () => `aws logs tail /aws/lambda/${fn || say('yourFunction')} --since 10m`;
  const snippet = (text) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);
  const bodyOf = (p) => snippet(p.body || '') || say('noBody');
  const GATEWAY_ERROR = /^\{"message": ?"Internal server error"\}$/;

  const PROBLEMS = {
    setup: (p) => ({ tone: 'warn', title: say('setup.title'), text: [[say(p.reason, p)]] }),
    library: () => ({ tone: 'warn', title: say('library.title'), text: [paragraph('library.text')] }),
    cors: (p) => ({
      title: say('cors.title'),
      text: [
        paragraph(p.diagnosed ? 'cors.answeredStatus' : 'cors.answered', p),
        paragraph('cors.proxy'),
        p.diagnosed ? [] : paragraph('cors.notSure', { link: { link: p.url, text: say('cors.openUrl') } }),
      ],
    }),
    stage: (p) => ({
      title: say('stage.title'),
      text: [paragraph('stage.answered', { url: p.url, status: p.status, body: p.body || say('noBody') }), paragraph('stage.invokeUrl')],
    }),
    function: (p) =>
      GATEWAY_ERROR.test(p.body)
        ? { title: say('gateway.title'), text: [paragraph('gateway.text', { body: p.body })] }
        : { title: say('function.title'), text: [paragraph('function.answered', { body: bodyOf(p) }), paragraph('logs', { command: logsCommand() })] },
    proxy: () => ({ title: say('proxy.title'), text: [paragraph('proxy.shape'), paragraph('proxy.failed', { command: logsCommand() })] }),
    empty: (p) => ({ tone: 'warn', title: say('empty.title', p), text: [paragraph('empty.list', p), paragraph('empty.start')] }),
    network: (p) => ({
      title: say('network.title'),
      text: [[p.reason || say('network.noAnswer', { host: hostOf(p.url) })], paragraph('network.check')],
    }),
    shape: (p) => ({ title: say('shape.title'), text: [paragraph('shape.expected', p), [{ code: bodyOf(p) }]] }),
    http: (p) => ({ title: say('http.title', p), text: [[{ code: bodyOf(p) }]] }),
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
          if (probe.unreachable) return { kind: 'network', reason: say('network.probe', { host: hostOf(url), reason: probe.unreachable }) };
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
      if (err && err.name === 'TimeoutError') return { kind: 'network', reason: say('network.timeout', { host: hostOf(url), seconds: TIMEOUT_MS / 1000 }) };
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
    if (state.lastUpdate) parts.push(say('status.updated', { time: utc(Date.parse(state.lastUpdate)) }));
    parts.push(say(state.points.length === 1 ? 'status.point' : 'status.points', { points: state.points.length }));
    const newest = state.points[state.points.length - 1];
    if (newest) parts.push(say('status.newest', { timestamp: newest.timestamp }));
    if (state.state === 'error') parts.push(say('status.retrying', { problem: $('banner-title').textContent, every }));
    else parts.push(say('status.every', { every }));
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
          { label: say('chart.time'), value: '{YYYY}-{MM}-{DD} {HH}:{mm}:{ss}' },
          { label: say('chart.temperature'), scale: 'temp', stroke: '#d9480f', width: 2, points: { size: 5 } },
          { label: say('chart.humidity'), scale: 'hum', stroke: '#1c7ed6', width: 2, points: { size: 5 } },
        ],
        axes: [
          { values: timeLabels },
          { scale: 'temp', label: say('chart.temperature'), stroke: '#d9480f' },
          { scale: 'hum', label: say('chart.humidity'), side: 1, stroke: '#1c7ed6', grid: { show: false } },
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
      showBanner('setup', { reason: api ? 'setup.noDevice' : 'setup.noApi' });
    }
    document.body.dataset.state = state.state;
    return;
  }
  if (!/^https?:\/\//i.test(api)) {
    state.state = 'error';
    state.problem = { kind: 'setup' };
    showBanner('setup', { reason: 'setup.notHttp', api });
    showStatus();
    return;
  }
  state.state = 'loading';
  $('status').textContent = say('asking', { url });
  poll();
})();
