/** Page object for the metrics page: fleet table, agent charts, SLO editor and cost figures, by stable test ids and roles. */
import { expect, type Locator, type Page } from '@playwright/test';

export class MetricsPage {
  constructor(readonly page: Page) {}

  header(): Locator {
    return this.page.getByTestId('page-metrics');
  }

  /** Hash navigation inside the running app (no reload), as a link from the fleet does. */
  private async go(hash: string): Promise<void> {
    await this.page.evaluate((h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h), hash);
  }

  async openFleet(): Promise<void> {
    await this.go('#/metrics');
    await expect(this.fleetTable()).toBeVisible({ timeout: 30_000 });
  }

  async openAgent(agentKey: string, query = ''): Promise<void> {
    const hash = `#/metrics?agent=${encodeURIComponent(agentKey)}${query ? `&${query}` : ''}`;
    await this.go(hash);
    await this.waitForCharts();
  }

  fleetTable(): Locator {
    return this.page.getByTestId('metrics-fleet-table');
  }

  chart(id: string): Locator {
    return this.page.getByTestId(`metrics-chart-${id}`);
  }

  async waitForCharts(): Promise<void> {
    await expect(this.chart('traffic')).toBeVisible({ timeout: 30_000 });
    await expect(this.chart('traffic').locator('svg.recharts-surface')).toBeVisible();
  }

  tile(id: string): Locator {
    return this.page.getByTestId(`metrics-tile-${id}`);
  }

  async range(label: '1h' | '6h' | '24h' | '7d'): Promise<void> {
    await this.page.getByTestId('metrics-range').getByRole('button', { name: label, exact: true }).click();
  }

  /** The SLO threshold lines drawn on a chart. */
  referenceLines(chart: string): Locator {
    return this.chart(chart).locator('.recharts-reference-line');
  }

  breachAreas(chart: string): Locator {
    return this.chart(chart).locator('.recharts-reference-area');
  }

  breachBadge(): Locator {
    return this.page.getByTestId('metrics-breach-badge');
  }

  sloEditor(): Locator {
    return this.page.getByTestId('metrics-slo-editor');
  }

  async setSlo(errorRatePct: string, p99Ms: string): Promise<void> {
    await this.page.getByTestId('metrics-edit-slo').click();
    await this.sloEditor().getByLabel('Error rate threshold (%)').fill(errorRatePct);
    await this.sloEditor().getByLabel('p99 latency threshold (ms)').fill(p99Ms);
    await this.sloEditor().getByTestId('metrics-slo-save').click();
  }

  costLines(): Locator {
    return this.page.getByTestId('metrics-cost-line');
  }

  /** The open cost details (a modal). */
  costDetails(): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.getByTestId('metrics-cost-formula') });
  }
}
