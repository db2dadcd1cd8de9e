/** Page objects for the read-only share: the owner's Share modal and indicator, and a viewer's shell, by stable test ids and roles. */
import { expect, type Locator, type Page } from '@playwright/test';

export class ShareOwner {
  constructor(readonly page: Page) {}

  indicator(): Locator {
    return this.page.getByRole('button', { name: /^Sharing a read-only view with/ });
  }

  /** Starts a loopback share from the top bar and returns the link the modal shows. */
  async start(options: { maxViewers?: number } = {}): Promise<string> {
    await this.page.getByRole('button', { name: 'Share a read-only view' }).click();
    const modal = this.page.getByTestId('share-modal');
    await expect(modal.getByText('Who can reach it')).toBeVisible();
    if (options.maxViewers !== undefined) await modal.getByTestId('share-max-viewers').locator('input').fill(String(options.maxViewers));
    await modal.getByTestId('share-start').click();
    await expect(modal.getByTestId('share-url')).toContainText('?token=');
    const url = (await modal.getByTestId('share-url').innerText()).trim();
    await this.closeModal();
    return url;
  }

  async closeModal(): Promise<void> {
    await this.page.getByTestId('share-modal').getByRole('button', { name: 'Close', exact: true }).click();
    await expect(this.page.getByTestId('share-modal').getByText('Share link')).toBeHidden();
  }

  async stop(): Promise<void> {
    await this.page.getByRole('button', { name: 'Stop sharing' }).click();
    await expect(this.page.getByRole('button', { name: 'Share a read-only view' })).toBeVisible();
  }
}

export class ShareViewer {
  /** Every data response this viewer's page received (URL and body), to prove none carries an identifier. */
  readonly bodies: Array<{ url: string; body: string }> = [];

  constructor(readonly page: Page) {
    page.on('response', (response) => {
      // The built scripts and styles carry no data (and minified digits); the event stream never ends, so its
      // body cannot be awaited: its frames reach the DOM, which is checked too.
      const url = response.url();
      if (url.includes('/assets/') || url.endsWith('/api/events')) return;
      response.text().then(
        (body) => this.bodies.push({ url, body }),
        () => undefined,
      );
    });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.locator('body[data-app-state="ready"]')).toBeAttached({ timeout: 30_000 });
    await expect(this.badge()).toBeVisible();
  }

  badge(): Locator {
    // The top bar renders a hidden copy of its slots to measure them.
    return this.page.getByTestId('viewer-badge').filter({ visible: true });
  }

  nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Side navigation' });
  }

  /** A contract call from inside the viewer's page, with its cookie, as the page's own code would make it. */
  call(method: string, input: unknown = {}): Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string } } }> {
    return this.page.evaluate(
      async ([name, body]) => {
        const response = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { code: string; message: string } } };
      },
      [method, input] as const,
    );
  }
}

/** Every 12-digit run in the page's text and markup: an AWS account id, or the account of an ARN. */
export const accountIdsIn = async (page: Page): Promise<string[]> => {
  const text = await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { body: { innerText: string; outerHTML: string } } }).document;
    return `${doc.body.innerText}\n${doc.body.outerHTML}`;
  });
  return [...new Set(text.match(/(?<!\d)\d{12}(?!\d)/g) ?? [])];
};
