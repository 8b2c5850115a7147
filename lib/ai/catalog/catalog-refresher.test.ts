import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCatalog } from './catalog';
import { createCatalogRefresher } from './catalog-refresher';
import type { ProviderName } from './model-entry';

describe('createCatalogRefresher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('marks delisted models unavailable at start-up and re-checks every interval', async () => {
    const catalog = createCatalog();
    const small = catalog.find('openai/gpt-oss-20b')!;
    let groqList = ['openai/gpt-oss-120b'];
    const listModels = vi.fn(async (provider: ProviderName) => (provider === 'groq' ? groqList : ['gpt-4.1-mini']));
    const refresher = createCatalogRefresher({ catalog, listModels, intervalMs: 60_000 });

    await refresher.start();
    expect(catalog.isAvailable(small)).toBe(false);
    expect(listModels).toHaveBeenCalledTimes(2);

    groqList = ['openai/gpt-oss-20b', 'openai/gpt-oss-120b'];
    await vi.advanceTimersByTimeAsync(60_000);
    expect(listModels).toHaveBeenCalledTimes(4);
    expect(catalog.isAvailable(small)).toBe(true);
    refresher.stop();
  });

  it('keeps the last known state when a refresh fails or returns nothing', async () => {
    const catalog = createCatalog();
    const small = catalog.find('openai/gpt-oss-20b')!;
    const onError = vi.fn();
    const answers: Array<() => Promise<string[]>> = [
      async () => ['openai/gpt-oss-120b'],
      async () => {
        throw new Error('network down');
      },
      async () => [],
    ];
    let call = 0;
    const refresher = createCatalogRefresher({
      catalog,
      providers: ['groq'],
      listModels: () => answers[call++]!(),
      intervalMs: 1000,
      onError,
    });
    await refresher.start();
    expect(catalog.isAvailable(small)).toBe(false);
    await vi.advanceTimersByTimeAsync(2000);
    expect(onError).toHaveBeenCalledTimes(2);
    expect(catalog.isAvailable(small)).toBe(false);
    refresher.stop();
  });

  it('stops asking once stopped', async () => {
    const listModels = vi.fn(async () => ['openai/gpt-oss-20b']);
    const refresher = createCatalogRefresher({ catalog: createCatalog(), providers: ['groq'], listModels, intervalMs: 1000 });
    await refresher.start();
    refresher.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(listModels).toHaveBeenCalledTimes(1);
  });
});
