/** Page object for the load-test page: the scenario form, the estimate and start, the live and result views, exports and the runs list, by stable test ids and roles. */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class LoadTestPage {
  constructor(readonly page: Page) {}

  header(): Locator {
    return this.page.getByTestId('page-loadtest');
  }

  /** Hash navigation inside the running app (no reload), as a link does. */
  private async go(hash: string): Promise<void> {
    await this.page.evaluate((h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h), hash);
  }

  async openRuns(): Promise<void> {
    await this.go('#/loadtest');
    await expect(this.runs()).toBeVisible({ timeout: 30_000 });
  }

  async openNew(agentKey?: string): Promise<void> {
    await this.go(`#/loadtest?view=new${agentKey ? `&agent=${encodeURIComponent(agentKey)}` : ''}`);
    await expect(this.header()).toHaveText('New load test');
  }

  field(name: string): Locator {
    return this.page.getByTestId(`loadtest-field-${name}`);
  }

  async setNumber(name: string, value: string): Promise<void> {
    await this.field(name).locator('input').fill(value);
  }

  async name(value: string): Promise<void> {
    await this.field('name').locator('input').fill(value);
  }

  promptsField(): Locator {
    return this.page.getByTestId('loadtest-prompts-field');
  }

  async prompt(index: number, text: string): Promise<void> {
    await this.page.getByTestId('loadtest-prompt-input').nth(index).locator('input').fill(text);
  }

  async promptSource(kind: 'List' | 'File' | 'Template'): Promise<void> {
    await this.promptsField().getByRole('button', { name: kind, exact: true }).click();
  }

  async promptFile(name: string, content: string): Promise<void> {
    await this.promptSource('File');
    await this.page
      .getByTestId('loadtest-prompt-file')
      .locator('input[type="file"]')
      .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(content) });
    await expect(this.page.getByTestId('loadtest-prompt-file-name')).toContainText(name);
  }

  async stopAfterRequests(count: number): Promise<void> {
    await this.page.getByRole('radio', { name: 'A number of requests' }).check();
    await this.setNumber('requestCount', String(count));
  }

  async seedTable(): Promise<void> {
    await this.page.getByTestId('loadtest-seed-table').click();
  }

  start(): Locator {
    return this.page.getByTestId('loadtest-start');
  }

  estimateRequests(): Locator {
    return this.page.getByTestId('loadtest-estimate-requests');
  }

  live(): Locator {
    return this.page.getByTestId('loadtest-live');
  }

  chart(id: 'throughput' | 'latency' | 'success' | 'users'): Locator {
    return this.page.getByTestId(`metrics-chart-loadtest-${id}`);
  }

  result(): Locator {
    return this.page.getByTestId('loadtest-result');
  }

  verdict(): Locator {
    return this.page.getByTestId('loadtest-verdict');
  }

  /** The acceptance table's body rows, one per row of the scenario's table. */
  acceptanceRows(): Locator {
    return this.page.getByTestId('loadtest-acceptance').locator('tbody tr');
  }

  async acceptanceResults(): Promise<string[]> {
    return (await this.acceptanceRows().locator('td:first-child').allInnerTexts()).map((t) => t.trim());
  }

  async downloadFrom(click: () => Promise<void>): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), click()]);
    return download;
  }

  async exportRun(format: 'JSON' | 'CSV' | 'Markdown'): Promise<Download> {
    await this.page.getByTestId('loadtest-export').click();
    return this.downloadFrom(() => this.page.getByRole('menuitem', { name: new RegExp(`^${format}`) }).click());
  }

  artilleryDialog(): Locator {
    return this.page.getByTestId('loadtest-artillery');
  }

  async openArtilleryExport(): Promise<void> {
    await this.page.getByTestId('loadtest-artillery-export').click();
    await expect(this.artilleryDialog().getByTestId('loadtest-artillery-download').first()).toBeVisible();
  }

  async importArtilleryReport(name: string, content: string): Promise<void> {
    await this.page.getByTestId('loadtest-artillery-import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  }

  runs(): Locator {
    return this.page.getByTestId('loadtest-runs');
  }

  runLink(name: string): Locator {
    return this.runs().getByTestId('loadtest-open-run').filter({ hasText: name });
  }

  async saveScenario(): Promise<void> {
    await this.page.getByTestId('loadtest-save').click();
  }

  async loadScenario(name: string): Promise<void> {
    await this.page.getByTestId('loadtest-saved-select').locator('button').first().click();
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  }

  tile(id: string): Locator {
    return this.page.getByTestId(`loadtest-tile-${id}`);
  }
}
