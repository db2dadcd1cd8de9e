/** Page object for the chat: open an agent, start a session, send, and read the reply as the user sees it. */
import { expect, type Locator, type Page } from '@playwright/test';

export class ChatPage {
  constructor(readonly page: Page) {}

  async openAgent(agentKey: string): Promise<void> {
    // Hash navigation inside the running app (no reload), as a deep link from the fleet does.
    await this.page.evaluate(
      (key) => ((globalThis as unknown as { location: { hash: string } }).location.hash = `#/chat?agent=${encodeURIComponent(key)}`),
      agentKey,
    );
    await expect(this.page.getByTestId('page-chat')).toBeVisible();
  }

  async newSession(): Promise<void> {
    await this.page.getByTestId('chat-new-session').click();
    await expect(this.page.getByTestId('chat-runtime-session-id')).toBeVisible();
  }

  composer(): Locator {
    return this.page.getByTestId('chat-composer').locator('textarea');
  }

  /** Sends a prompt and waits until the reply has settled in any final state. */
  async send(prompt: string): Promise<Locator> {
    const before = await this.assistantMessages().count();
    await this.composer().fill(prompt);
    await this.page.getByTestId('chat-send').click();
    const reply = this.assistantMessages().nth(before);
    await expect(reply).toHaveAttribute('data-state', /complete|incomplete|error/, { timeout: 45_000 });
    return reply;
  }

  /** Sends a prompt and returns the reply as soon as it is streaming text (long before it finishes). */
  async sendAndWatchItStream(prompt: string): Promise<Locator> {
    await this.composer().fill(prompt);
    await this.page.getByTestId('chat-send').click();
    const reply = this.assistantMessages().last();
    await expect(reply).toHaveAttribute('data-state', 'streaming', { timeout: 15_000 });
    await expect(reply).toContainText(/\w{4,}\s+\w{4,}/, { timeout: 15_000 });
    return reply;
  }

  assistantMessages(): Locator {
    return this.page.locator('[data-testid="chat-message"][data-role="assistant"]');
  }
}
