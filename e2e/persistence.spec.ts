/** What the user set and saw survives a restart of the host. */
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { startHost } from './fixtures/web-host';
import { ConsolePage } from './pages/console';

function call(
  url: string,
  token: string,
  method: string,
  input: unknown,
): Promise<{ status: number; body: { ok: boolean; result?: unknown; error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}/api/${method}`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

test('settings and the last-known fleet survive a restart', async ({ page }) => {
  const first = await startHost();
  expect((await call(first.url, first.token, 'settings.set', { theme: 'dark', density: 'compact' })).body.ok).toBe(true);
  const listed = await call(first.url, first.token, 'fleet.refresh', {});
  const count = (listed.body.result as { resources: unknown[] }).resources.length;
  expect(count).toBeGreaterThan(10);
  await first.stop();

  const second = await startHost({ dataDir: first.dataDir });
  try {
    const settings = await call(second.url, second.token, 'settings.get', {});
    expect(settings.body.result).toMatchObject({ theme: 'dark', density: 'compact' });
    // Before its first poll lands, the new host already serves the cached fleet.
    const cached = (await call(second.url, second.token, 'fleet.list', {})).body.result as { resources: unknown[]; asOf: number | null };
    expect(cached.resources.length).toBe(count);
    expect(cached.asOf).not.toBeNull();

    const console = new ConsolePage(page);
    await console.open(second.openUrl);
    await expect(page.locator('body.awsui-dark-mode')).toBeAttached();
  } finally {
    await second.stop();
  }
});

test('invalid input and unknown methods get specific errors from the real host', async () => {
  const host = await startHost();
  try {
    const invalid = await call(host.url, host.token, 'settings.set', { pollIntervalSeconds: 'soon' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error?.message).toContain('pollIntervalSeconds');
    const unknown = await call(host.url, host.token, 'shell.openExternal', {});
    expect(unknown.status).toBe(404);
    const unauthorised = await call(host.url, 'wrong-token', 'settings.get', {});
    expect(unauthorised.status).toBe(401);
  } finally {
    await host.stop();
  }
});
