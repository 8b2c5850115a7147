import type { KeySummary, NewKey } from './gateway-key.ts';

/** What the keys command can do, wherever the database is. */
export interface KeyCommands {
  create(key: NewKey): Promise<{ key: string; summary: KeySummary }>;
  list(): Promise<KeySummary[]>;
  /** False when no live key has the prefix. */
  revoke(prefix: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Talks to a running app's admin API (the way in while it holds the embedded database). */
export function httpKeyCommands(appUrl: string, token: string): KeyCommands {
  async function call(method: string, body?: unknown) {
    const response = await fetch(`${appUrl}/api/admin/keys`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as unknown;
    return { status: response.status, json };
  }
  function failed(status: number, json: unknown): never {
    const message = (json as { error?: { message?: string } }).error?.message ?? `status ${status}`;
    throw new Error(`the app refused: ${message}`);
  }
  return {
    async create(key) {
      const { status, json } = await call('POST', key);
      if (status !== 201) failed(status, json);
      return json as { key: string; summary: KeySummary };
    },
    async list() {
      const { status, json } = await call('GET');
      if (status !== 200) failed(status, json);
      return json as KeySummary[];
    },
    async revoke(prefix) {
      const { status, json } = await call('DELETE', { prefix });
      if (status === 400) return false;
      if (status !== 200) failed(status, json);
      return true;
    },
    close: async () => {},
  };
}
