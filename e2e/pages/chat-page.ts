import { expect, type Locator, type Page } from '@playwright/test';

/** The chat page as a user sees it: a textbox, Send/Stop, the conversation and the chat list. */
export class ChatPage {
  readonly page: Page;
  readonly textbox: Locator;
  readonly send: Locator;
  readonly stop: Locator;
  readonly userMessages: Locator;
  readonly assistantMessages: Locator;
  readonly error: Locator;
  readonly messageList: Locator;
  readonly jumpToLatest: Locator;
  readonly session: Locator;
  readonly storageError: Locator;

  constructor(page: Page) {
    this.page = page;
    this.textbox = page.getByRole('textbox', { name: 'Message', exact: true });
    // Scoped to the composer: a saved chat's title may contain the word "send" or "stop".
    const composer = page.getByTestId('composer');
    this.send = composer.getByRole('button', { name: /send/i });
    this.stop = composer.getByRole('button', { name: /stop/i });
    this.userMessages = page.getByTestId('message-user');
    this.assistantMessages = page.getByTestId('message-assistant');
    this.error = page.getByTestId('chat-error');
    this.messageList = page.getByTestId('message-list');
    this.jumpToLatest = page.getByTestId('jump-to-latest');
    this.session = page.getByTestId('chat-session');
    this.storageError = page.getByTestId('storage-error');
  }

  async goto() {
    await this.page.goto('/');
    await expect(this.textbox).toBeEditable();
  }

  async ask(text: string) {
    await this.textbox.fill(text);
    await this.textbox.press('Enter');
  }

  /**
   * Records, in the page, the text length of the latest answer at every DOM change while it is
   * marked streaming. A 600-token answer streams in ~0.6 s at the emulator's 1,000 tokens/s, which
   * an `expect` poll backing off to 1 s apart (after a cold server's slow first token) can miss
   * entirely; a MutationObserver sees every state the user saw.
   */
  async recordStreaming(): Promise<() => Promise<number[]>> {
    await this.page.evaluate(() => {
      const lengths: number[] = [];
      (window as unknown as { __streamingLengths: number[] }).__streamingLengths = lengths;
      new MutationObserver(() => {
        const answers = document.querySelectorAll('[data-testid="message-assistant"]');
        const last = answers[answers.length - 1];
        if (last?.getAttribute('data-streaming') === 'true') lengths.push((last as HTMLElement).innerText.length);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    return () => this.page.evaluate(() => (window as unknown as { __streamingLengths: number[] }).__streamingLengths);
  }

  lastAnswer(): Locator {
    return this.assistantMessages.last();
  }

  /** Waits until the latest answer has finished streaming and shows which model served it. */
  async waitForAnswer(): Promise<Locator> {
    const answer = this.lastAnswer();
    await expect(answer).toBeVisible();
    await expect(answer).not.toHaveAttribute('data-streaming');
    await expect(this.send).toBeVisible();
    return answer;
  }

  /** Waits until the conversation on screen is stored in the browser (so a reload keeps it). */
  async waitForSaved() {
    await expect(this.session).toHaveAttribute('data-persisted', 'saved');
  }

  /** The chat list: the sidebar on wide screens, the drawer (opened on demand) on phones. */
  async chatList(): Promise<Locator> {
    const opener = this.page.getByTestId('open-chat-list');
    if (await opener.isVisible()) {
      await opener.click();
      return this.page.getByTestId('chat-drawer').getByTestId('chat-list');
    }
    return this.page.getByTestId('chat-sidebar').getByTestId('chat-list');
  }
}
