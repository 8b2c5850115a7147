import type { Locator, Page } from '@playwright/test';

/** The composer's voice controls as a user sees them. */
export class VoiceInput {
  readonly root: Locator;
  readonly record: Locator;
  readonly stop: Locator;
  readonly cancel: Locator;
  readonly elapsed: Locator;
  readonly level: Locator;
  readonly transcribing: Locator;
  readonly problem: Locator;
  readonly retry: Locator;

  constructor(page: Page) {
    const composer = page.getByTestId('composer');
    this.root = composer.getByTestId('voice-input');
    this.record = composer.getByRole('button', { name: 'Record voice' });
    this.stop = composer.getByRole('button', { name: 'Stop recording voice' });
    this.cancel = composer.getByRole('button', { name: 'Cancel recording' });
    this.elapsed = composer.getByTestId('voice-elapsed');
    this.level = composer.getByRole('meter', { name: 'Microphone level' });
    this.transcribing = composer.getByTestId('voice-transcribing');
    this.problem = composer.getByTestId('voice-problem');
    this.retry = this.problem.getByRole('button', { name: 'Retry transcription' });
  }
}
