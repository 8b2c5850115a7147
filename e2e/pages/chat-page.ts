import { expect, type Locator, type Page } from '@playwright/test';

/** The chat page as a user sees it: a textbox, Send/Stop, and the conversation. */
export class ChatPage {
  readonly textbox: Locator;
  readonly send: Locator;
  readonly stop: Locator;
  readonly assistantMessages: Locator;
  readonly error: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.textbox = page.getByRole('textbox', { name: 'Message' });
    this.send = page.getByRole('button', { name: /send/i });
    this.stop = page.getByRole('button', { name: /stop/i });
    this.assistantMessages = page.getByTestId('message-assistant');
    this.error = page.getByTestId('chat-error');
  }

  async goto() {
    await this.page.goto('/');
    await expect(this.textbox).toBeEditable();
  }

  async ask(text: string) {
    await this.textbox.fill(text);
    await this.textbox.press('Enter');
  }

  lastAnswer(): Locator {
    return this.assistantMessages.last();
  }
}
