/** Page object for the war room: the board's tiles, its selection, and the incident panel. */
import { expect, type Page } from '@playwright/test';

export class WarRoomPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.evaluate(
      (hash) => ((globalThis as unknown as { location: { hash: string } }).location.hash = hash),
      `#/warroom${query ? `?${query}` : ''}`,
    );
    await expect(this.page.getByTestId('page-warroom')).toBeVisible();
  }

  board() {
    return this.page.getByTestId('warroom-board');
  }

  tiles() {
    return this.page.getByTestId('board-tile');
  }

  tile(name: string) {
    return this.tiles().filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  async show(option: 'All failing' | 'All agents' | 'Chosen'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'Agents on the board' }).getByRole('radio', { name: option }).click();
  }

  async startIncident(title: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Start incident' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Start incident' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await dialog.getByRole('button', { name: 'Start incident' }).click();
    await expect(dialog).toBeHidden();
  }

  async addNote(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Add a note' }).fill(text);
    await this.page.getByRole('button', { name: 'Add note' }).click();
  }

  timeline() {
    return this.page.getByTestId('timeline-event');
  }
}
