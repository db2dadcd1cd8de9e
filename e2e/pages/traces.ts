/** Page object for the traces page: the span waterfall, a span's detail, trace lists and live sessions, by stable test ids and roles. */
import type { Locator, Page } from '@playwright/test';

export class TracesPage {
  constructor(readonly page: Page) {}

  header(): Locator {
    return this.page.getByTestId('page-traces');
  }

  waterfall(): Locator {
    return this.page.getByTestId('trace-waterfall');
  }

  rows(category?: string): Locator {
    const rows = this.page.getByTestId('trace-span-row');
    return category ? rows.and(this.page.locator(`[data-category="${category}"]`)) : rows;
  }

  detail(): Locator {
    return this.page.getByTestId('trace-span-detail');
  }

  summary(): Locator {
    return this.page.getByTestId('trace-summary');
  }

  list(): Locator {
    return this.page.getByTestId('traces-list');
  }

  liveSessions(): Locator {
    return this.page.getByTestId('traces-live-sessions');
  }
}
