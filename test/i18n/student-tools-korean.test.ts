// The student tools in Korean through the real binary against an in-process sandbox: `lab trace`,
// `lab graph` and `lab chart` point to the lab to do first, `lab device` says what it publishes, and
// their refusals speak Korean, all with the exit codes of English, whose lines stay as they were; the
// topics, payloads, resource names and commands stay as they are. The graph page is served in Korean
// too, and the English it carries for a page opened as a file is the catalogue's.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/index.js';
import { startGraphServer } from '../../src/graph/server.js';
import { pageText } from '../../src/graph/messages.js';
import { GRAPH_DIR, NO_BROWSER, launchChromium } from '../graph/support.js';
import { assertBuilt, lab, newHome, startLabSandbox } from '../labs/support.js';

const NO_SANDBOX = 'http://127.0.0.1:9';
const TOPIC = 'iotlab/telemetry/iotlab-dev1';

let sandbox: RunningSandbox;

beforeAll(async () => {
  assertBuilt();
  sandbox = await startLabSandbox();
});

afterAll(async () => {
  await sandbox?.stop();
});

/** The same command in Korean and in English, at once. */
async function both(args: string[], home: string, endpoint = sandbox.endpoint) {
  const [korean, english] = await Promise.all([lab([...args, '--lang', 'ko'], home, endpoint), lab(args, home, endpoint)]);
  expect(korean.code, korean.stderr).toBe(english.code);
  return { korean, english };
}

describe('the student tools in Korean', () => {
  it('refuse a bad flag in Korean before contacting anything, with the English exit code', async () => {
    const home = await newHome();
    const kind = await both(['chart', '--kind', 'pie'], home, NO_SANDBOX);
    expect(kind.korean.code).toBe(2);
    expect(kind.korean.stderr).toBe('--kind에는 line 또는 bar를 써야 합니다. "pie"은(는) 쓸 수 없습니다.\n');
    expect(kind.english.stderr).toBe('--kind takes line or bar, not "pie".\n');
    const port = await both(['graph', '--port', 'eighty'], home, NO_SANDBOX);
    expect(port.korean.code).toBe(2);
    expect(port.korean.stderr).toBe('--port에는 포트 번호(빈 포트는 0)를 써야 합니다. "eighty"은(는) 쓸 수 없습니다.\n');
    expect(port.english.stderr).toBe('--port takes a port number (0 for a free one), not "eighty".\n');
  });

  it('point to the lab to do first on an empty sandbox', async () => {
    const home = await newHome();
    const [trace, graph, chart] = await Promise.all([both(['trace'], home), both(['graph'], home), both(['chart'], home)]);

    expect(trace.korean.code).toBe(2);
    expect(trace.korean.stderr).toBe(
      `${join(home, 'device')}에 기기 인증서가 없어, 어떤 기기로 발행해야 할지 알 수 없습니다.\n` +
        '실습 0을 진행해 인증서와 개인 키를 그곳에 저장하거나, `lab solve 0`으로 실습 0의 참조 솔루션을 배포하세요.\n',
    );
    expect(trace.english.stderr).toBe(
      `No device certificate in ${join(home, 'device')}, so there is no device to publish as.\n` +
        'Do lab 0 (save the certificate and private key there), or deploy its reference with `lab solve 0`.\n',
    );

    expect(graph.korean.code).toBe(2);
    expect(graph.korean.stderr).toMatch(/^이 계정에 실습 3의 REST API가 없습니다: .+\.\n실습 3에서 API를 만들거나\(`lab open 3`\), `lab solve 3`으로 참조 솔루션을 배포하세요\.\n$/);
    expect(graph.english.stderr).toMatch(/^No REST API for lab 3 in this account: .+\.\nBuild the API in lab 3 \(`lab open 3`\), or deploy the reference solution with `lab solve 3`\.\n$/);

    expect(chart.korean.code).toBe(2);
    expect(chart.korean.stderr).toBe(
      '작업 그룹 primary에 저장된 쿼리 iotlab-hourly-stats이(가) 없습니다.\n' +
        '실습 4에서 만들거나 `lab solve 4`를 실행하세요. 직접 쓴 쿼리는 `lab chart --sql "SELECT ..."`로 차트를 그릴 수 있습니다.\n',
    );
    expect(chart.english.stderr).toBe(
      'No named query iotlab-hourly-stats in workgroup primary.\nCreate it in lab 4 or run `lab solve 4`; `lab chart --sql "SELECT ..."` charts a query of your own.\n',
    );
  });

  it('lab device says in Korean what it publishes; the topic and the payloads stay as they are', async () => {
    const home = await newHome();
    const solved = await lab(['solve', '0'], home, sandbox.endpoint);
    expect(solved.code, solved.stderr).toBe(0);
    const args = ['device', '--count', '2', '--rate', '5', '--malformed-every', '2'];
    // One after the other: the device's client id is its thing's name, and a second connection would take it over.
    const korean = await lab([...args, '--lang', 'ko'], home, sandbox.endpoint);
    const english = await lab(args, home, sandbox.endpoint);
    expect(korean.code, korean.stderr).toBe(0);
    expect(english.code, english.stderr).toBe(0);

    const lines = (out: string) => out.trimEnd().split('\n').slice(1);
    const [connected, first, second, stopped] = lines(korean.stdout);
    expect(connected).toMatch(new RegExp(`^기기 iotlab-dev1이\\(가\\) 127\\.0\\.0\\.1:\\d+에 연결되었습니다\\. ${TOPIC}에 메시지를 2번 발행합니다 \\(Ctrl-C로 멈춥니다\\)\\.$`));
    expect(first).toMatch(new RegExp(`^#1 → ${TOPIC} \\{"DEVICE_NAME":"iotlab-dev1",.*\\}$`));
    expect(second).toMatch(new RegExp(`^#2 → ${TOPIC} \\{"DEVICE_NAME":"iotlab-dev1",.*[^}]   \\(일부러 잘못 만든 메시지\\)$`));
    expect(stopped).toBe('메시지 2개를 보내고 멈췄습니다. 그중 1개는 잘못된 메시지입니다.');

    const [connectedEn, , secondEn, stoppedEn] = lines(english.stdout);
    expect(connectedEn).toMatch(new RegExp(`^Device iotlab-dev1 connected to 127\\.0\\.0\\.1:\\d+; publishing to ${TOPIC} 2 times \\(Ctrl-C stops\\)\\.$`));
    expect(secondEn).toMatch(/ {3}\(malformed on purpose\)$/);
    expect(stoppedEn).toBe('Stopped after 2 message(s), 1 of them malformed.');
  });
});

describe('the graph page in Korean', () => {
  it('is served with its words in Korean, and the English it carries is the catalogue English', async () => {
    const server = await startGraphServer({ language: 'ko' });
    try {
      const html = await (await fetch(`${server.origin}/`)).text();
      expect(html).toContain('<html lang="ko">');
      const words = JSON.parse(/window\.labGraphText = (.*);<\/script>/.exec(html)![1]!) as Record<string, string>;
      expect(words).toEqual(pageText('ko'));
      expect(words['form.api']).toBe('호출 URL');
    } finally {
      await server.close();
    }
    // Opened as a file the page has only the English of graph.js: the same as the catalogue's.
    const script = readFileSync(join(GRAPH_DIR, 'graph.js'), 'utf8');
    const english = new Function(`return ${/const ENGLISH = (\{[\s\S]*?\n {2}\});/.exec(script)![1]}`)() as Record<string, string>;
    expect(english).toEqual(pageText('en'));
  });

  it.skipIf(NO_BROWSER !== undefined)('shows its form, its headings and what is missing in Korean in Chromium', async () => {
    const [browser, server] = await Promise.all([launchChromium(), startGraphServer({ language: 'ko' })]);
    try {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/?api=ftp://example.com/handson&device=iotlab-dev1`);
      await page.waitForFunction(() => document.body.dataset.state === 'error');
      expect(await page.title()).toBe('IoT 측정값 · 실습 3');
      expect(await page.locator('h1').textContent()).toBe('iotlab-dev1의 측정값');
      expect(await page.locator('form').innerText()).toMatch(/호출 URL[\s\S]*기기[\s\S]*간격[\s\S]*초[\s\S]*보기/);
      expect(await page.locator('#banner-title').textContent()).toBe('이 페이지에는 호출 URL과 기기가 필요합니다');
      expect(await page.locator('#banner-text').textContent()).toBe('호출 URL은 https://(로컬 샌드박스는 http://)로 시작해야 합니다. "ftp://example.com/handson"은(는) 쓸 수 없습니다.');
      expect(await page.locator('#status').textContent()).toBe('측정값 0개 · 이 페이지에는 호출 URL과 기기가 필요합니다. 5초마다 다시 시도합니다');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
