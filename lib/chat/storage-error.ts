const marker = Symbol.for('flint.storage-error');

/** Saving or reading chats in the browser failed; `message` is written for the user. */
export class StorageError extends Error {
  readonly [marker] = true;
  readonly kind: 'quota' | 'unavailable' | 'failed';

  constructor(kind: StorageError['kind'], options?: { cause?: unknown }) {
    super(storageMessages[kind], options);
    this.name = 'StorageError';
    this.kind = kind;
  }

  /** True for a StorageError from any copy of this module (safer than instanceof across chunks). */
  static isInstance(error: unknown): error is StorageError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

const storageMessages: Record<StorageError['kind'], string> = {
  quota: 'Your browser’s storage for Flint is full, so new messages are not being saved. Delete some old chats to make room.',
  unavailable:
    'This browser is not letting Flint save chats (private browsing often does this). This conversation will be lost when you close the tab.',
  failed: 'Flint could not save this chat in your browser. It will be lost when you close the tab.',
};

/** Reads an IndexedDB failure (a DOMException, or no IndexedDB at all) as a StorageError. */
export function toStorageError(error: unknown): StorageError {
  if (StorageError.isInstance(error)) return error;
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (name === 'QuotaExceededError') return new StorageError('quota', { cause: error });
  if (['InvalidStateError', 'SecurityError', 'NotAllowedError', 'ReferenceError', 'UnknownError'].includes(name)) {
    return new StorageError('unavailable', { cause: error });
  }
  return new StorageError('failed', { cause: error });
}
