// `lab config set protected-accounts`: the accounts `lab reset` refuses to touch.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatConfigValue, loadConfig, setConfigValue } from '../../src/config.js';

describe('protected-accounts', () => {
  it('stores a list of 12-digit account ids and shows it as it was typed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-config-'));
    const config = await setConfigValue(dir, 'protected-accounts', '111111111111, 222222222222,111111111111');
    expect(config['protected-accounts']).toEqual(['111111111111', '222222222222']);
    expect((await loadConfig(dir))['protected-accounts']).toEqual(['111111111111', '222222222222']);
    expect(formatConfigValue(config['protected-accounts'])).toBe('111111111111,222222222222');
    await expect(setConfigValue(dir, 'protected-accounts', '1111,222222222222')).rejects.toThrow('"1111" is not a 12-digit AWS account id');
    await expect(setConfigValue(dir, 'protected-accounts', ' , ')).rejects.toThrow(/is not a 12-digit AWS account id/);
    expect((await setConfigValue(dir, 'protected-accounts', undefined))['protected-accounts']).toBeUndefined();
  });
});
