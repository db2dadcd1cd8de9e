/** Page object for the memory browser, by stable test ids and roles. */
import type { Page } from '@playwright/test';

export class MemoryPage {
  constructor(readonly page: Page) {}

  async openMemory(name: string): Promise<void> {
    await this.page.getByTestId('memory-list').getByRole('link', { name, exact: true }).click();
  }

  column(testId: 'memory-actors' | 'memory-sessions' | 'memory-namespaces') {
    return this.page.getByTestId(testId);
  }

  items(testId: 'memory-actors' | 'memory-sessions' | 'memory-namespaces') {
    return this.page.getByTestId(`${testId}-item`);
  }

  events() {
    return this.page.getByTestId('memory-event');
  }

  async tab(label: string): Promise<void> {
    await this.page.getByRole('tab', { name: label }).click();
  }
}
