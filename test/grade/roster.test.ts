// The roster and how each row reaches its account: CSV quoting, the checks on columns and ids, keys,
// profiles and roles (assumed through the sandbox's STS), and rows that cannot work as written.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { parseCsv, csvLine } from '../../src/grade/csv.js';
import { parseRoster } from '../../src/grade/roster.js';
import { RowError, prefixOf, settingsFor } from '../../src/grade/access.js';
import { createClientFactory } from '../../src/target/clients.js';
import { resolveIdentity } from '../../src/target/identity.js';
import type { TargetSettings } from '../../src/target/target.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, inMemory: true, verbose: false, mqttPort: 0, mqttsPort: 0 });
});
afterAll(async () => {
  await sandbox?.stop();
});

const local = (): TargetSettings => ({ kind: 'local', region: 'us-east-1', endpoint: sandbox.endpoint });

describe('roster CSV', () => {
  it('reads quoted fields, doubled quotes, CRLF, a BOM and blank lines', () => {
    expect(parseCsv('\uFEFFid,name\r\ns1,"Doe, Jane"\r\n\r\ns2,"say ""hi"""\n')).toEqual([
      ['id', 'name'],
      ['s1', 'Doe, Jane'],
      ['s2', 'say "hi"'],
    ]);
    expect(csvLine(['=cmd|calc', '-12', 'a,b', 3])).toBe(`'=cmd|calc,-12,"a,b",3`);
  });

  it('takes the known columns, resolves homes against the roster, and refuses what cannot be graded', () => {
    const [s] = parseRoster('ID,Name,Prefix,Home\nalice,Alice A,alice,homes/alice\n', '/class');
    expect(s).toMatchObject({ id: 'alice', name: 'Alice A', prefix: 'alice', home: '/class/homes/alice', line: 2 });
    expect(() => parseRoster('', '/')).toThrow('The roster is empty');
    expect(() => parseRoster('id,colour\na,red\n', '/')).toThrow('unknown column(s) colour');
    expect(() => parseRoster('name\nA\n', '/')).toThrow('needs an id column');
    expect(() => parseRoster('id\n', '/')).toThrow('lists no student');
    expect(() => parseRoster('id\na\na\n', '/')).toThrow('Roster line 3: id a appears twice.');
    expect(() => parseRoster('id\n../etc\n', '/')).toThrow('Roster line 2: the id "../etc" must be');
  });
});

describe('reaching a student', () => {
  const student = (fields: Record<string, string>) => parseRoster(`${Object.keys(fields).join(',')}\n${Object.values(fields).join(',')}\n`, '/')[0]!;

  it('uses the row’s keys, profile or endpoint over the command’s', () => {
    expect(settingsFor(student({ id: 'a', access_key_id: '111111111111', secret_access_key: 's' }), local())).toEqual({ ...local(), credentials: { accessKeyId: '111111111111', secretAccessKey: 's' } });
    expect(settingsFor(student({ id: 'a', profile: 'class-a' }), { kind: 'aws', region: 'eu-west-1', profile: 'instructor' })).toEqual({ kind: 'aws', region: 'eu-west-1', profile: 'class-a' });
    expect(settingsFor(student({ id: 'a' }), { kind: 'aws', profile: 'instructor' })).toEqual({ kind: 'aws', profile: 'instructor' });
    expect(settingsFor(student({ id: 'a', endpoint: 'http://127.0.0.1:4999', region: 'eu-west-1' }), { kind: 'aws' })).toEqual({ kind: 'local', region: 'eu-west-1', endpoint: 'http://127.0.0.1:4999' });
    expect(prefixOf(student({ id: 'a', prefix: 'bob' }))).toBe('bob');
    expect(prefixOf(student({ id: 'a' }), 'class')).toBe('class');
  });

  it('makes a row that cannot work that student’s error', () => {
    expect(() => settingsFor(student({ id: 'a', access_key_id: 'AKID' }), local())).toThrow(new RowError('access_key_id and secret_access_key go together'));
    expect(() => settingsFor(student({ id: 'a', access_key_id: 'AKID', secret_access_key: 's', profile: 'p' }), local())).toThrow('not several');
    expect(() => settingsFor(student({ id: 'a', target: 'aws', endpoint: 'http://x:1' }), local())).toThrow('endpoint applies to the local target only');
    expect(() => settingsFor(student({ id: 'a', target: 'gcp' }), local())).toThrow('Unknown target "gcp"');
    expect(() => settingsFor(student({ id: 'a', role_arn: 'admin' }), local())).toThrow('is not a role ARN');
    expect(() => prefixOf(student({ id: 'a', prefix: 'Bad_Prefix' }))).toThrow(RowError);
  });

  it('assumes a role_arn (with its external id) through STS and answers as that role', async () => {
    const iam = new IAMClient({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials: { accessKeyId: '400000000000', secretAccessKey: 'x' } });
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'sts:AssumeRole' }] };
    await iam.send(new CreateRoleCommand({ RoleName: 'grader', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    iam.destroy();
    const settings = settingsFor(student({ id: 'carol', role_arn: 'arn:aws:iam::400000000000:role/grader', external_id: 'class-2026' }), local());
    expect(typeof settings.credentials).toBe('function');
    const clients = createClientFactory(settings);
    try {
      const target = await resolveIdentity(clients);
      expect(target.accountId).toBe('400000000000');
      expect(target.arn).toBe('arn:aws:sts::400000000000:assumed-role/grader/lab-grade-carol');
    } finally {
      clients.destroy();
    }
    const missing = createClientFactory(settingsFor(student({ id: 'dan', role_arn: 'arn:aws:iam::400000000000:role/nobody' }), local()));
    await expect(resolveIdentity(missing)).rejects.toThrow(/Access denied/);
    missing.destroy();
  });
});
