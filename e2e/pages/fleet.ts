/** Page object for the fleet overview and the resource detail pages, by test ids and roles. */
import { expect, type Locator, type Page } from '@playwright/test';

export class FleetPage {
  constructor(readonly page: Page) {}

  table(): Locator {
    return this.page.getByTestId('fleet-table');
  }

  /** Data rows on screen (the grid is virtualized: rows far below the viewport are not in the DOM). */
  rows(): Locator {
    return this.table().locator('tbody tr.fleet-grid__row');
  }

  filterInput(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter fleet resources' });
  }

  async filterText(text: string): Promise<void> {
    await this.filterInput().fill(text);
  }

  async chooseStatus(status: string): Promise<void> {
    await this.page.getByTestId('fleet-filter-status').getByRole('button').click();
    await this.page.getByRole('option', { name: status, exact: true }).click();
  }

  async chooseType(label: RegExp): Promise<void> {
    await this.page.getByTestId('fleet-type-tabs').getByRole('button', { name: label }).click();
  }

  /** Opens a resource's full page from its name link in the table. */
  async openByName(name: string): Promise<void> {
    await this.filterText(name);
    await this.rows().getByRole('link', { name, exact: true }).first().click();
    await expect(this.page.getByTestId('page-fleet-detail')).toContainText(name);
  }
}
