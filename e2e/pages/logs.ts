/** Page object for the logs page: panes, their lines and controls, by stable test ids and roles. */
import { expect, type Locator, type Page } from '@playwright/test';

export class LogsPage {
  constructor(readonly page: Page) {}

  header(): Locator {
    return this.page.getByTestId('page-logs');
  }

  panes(): Locator {
    return this.page.getByTestId('logs-pane');
  }

  pane(index = 0): Locator {
    return this.panes().nth(index);
  }

  lines(index = 0): Locator {
    return this.pane(index).getByTestId('log-line');
  }

  /** Lines of the runtime session the page was opened for (marked). */
  sessionLines(index = 0): Locator {
    return this.pane(index).locator('[data-testid="log-line"][data-session-match="true"]');
  }

  /** The pane's line count, as its status bar says it ("1,234 lines", or "12 of 1,234 lines shown"). */
  async lineCount(index = 0): Promise<number> {
    const text = await this.pane(index).getByTestId('logs-counts').innerText();
    const numbers = text.match(/[\d,]+/g) ?? ['0'];
    return Number((numbers.at(-1) ?? '0').replace(/,/g, ''));
  }

  list(index = 0): Locator {
    return this.pane(index).getByTestId('log-list');
  }

  tailMode(index = 0): Locator {
    return this.pane(index).getByTestId('logs-tail-mode');
  }

  async mode(label: 'Live' | 'History', index = 0): Promise<void> {
    await this.pane(index).getByTestId('logs-mode').getByRole('button', { name: label, exact: true }).click();
  }

  async filterPattern(pattern: string, index = 0): Promise<void> {
    const input = this.pane(index).getByTestId('logs-filter-pattern').locator('input');
    await input.fill(pattern);
    await input.press('Enter');
  }

  async highlight(text: string): Promise<void> {
    await this.page.getByTestId('logs-highlight').locator('input').fill(text);
  }

  /** Shows only the given levels (the toggles start all pressed). */
  async onlyLevels(...levels: Array<'error' | 'warn' | 'info' | 'debug' | 'other'>): Promise<void> {
    for (const level of levels) {
      const toggle = this.page.getByTestId(`logs-level-${level}`);
      if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    }
    for (const level of ['error', 'warn', 'info', 'debug', 'other'] as const) {
      if (levels.includes(level)) continue;
      const toggle = this.page.getByTestId(`logs-level-${level}`);
      if ((await toggle.getAttribute('aria-pressed')) === 'true') await toggle.click();
    }
  }

  async waitForLines(index = 0): Promise<void> {
    await expect(this.lines(index).first()).toBeVisible({ timeout: 20_000 });
  }
}
