/** Page object for the console shell: navigation, palette and readiness, by stable test ids and roles. */
import { expect, type Page } from '@playwright/test';

export const pages = [
  { id: 'fleet', label: 'Fleet' },
  { id: 'chat', label: 'Chat' },
  { id: 'memory', label: 'Memory' },
  { id: 'logs', label: 'Logs' },
  { id: 'traces', label: 'Traces' },
  { id: 'metrics', label: 'Metrics' },
  { id: 'loadtest', label: 'Load test' },
  { id: 'warroom', label: 'War room' },
  { id: 'settings', label: 'Settings' },
] as const;

export class ConsolePage {
  readonly cspViolations: string[] = [];
  readonly pageErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (load|execute|apply)/i.test(message.text())) this.cspViolations.push(message.text());
    });
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.locator('body[data-app-state="ready"]')).toBeAttached({ timeout: 30_000 });
  }

  async navigate(label: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Side navigation' }).getByRole('link', { name: label, exact: true }).click();
  }

  header(pageId: string) {
    return this.page.getByTestId(`page-${pageId}`);
  }

  async openPalette(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.page.getByTestId('command-palette')).toBeVisible();
  }
}
