import { randomBytes } from 'node:crypto';

const crockford = '0123456789abcdefghjkmnpqrstvwxyz';

/** A Groq-style id: a prefix and 26 ULID-alphabet characters. */
export function groqStyleId(prefix: string): string {
  let id = '';
  for (const byte of randomBytes(26)) id += crockford[byte % 32];
  return `${prefix}_${id}`;
}

/** One stored file: its bytes and the fields of the file object. */
export type StoredFile = {
  id: string;
  filename: string;
  purpose: 'batch' | 'batch_output';
  bytes: Buffer;
  createdAt: number;
};

/** The emulator's files, kept in memory for the life of the instance. */
export type FileStore = {
  add(file: Omit<StoredFile, 'id'>): StoredFile;
  get(id: string): StoredFile | undefined;
};

/** Creates an empty file store. */
export function createFileStore(): FileStore {
  const files = new Map<string, StoredFile>();
  return {
    add(file) {
      const stored = { ...file, id: groqStyleId('file') };
      files.set(stored.id, stored);
      return stored;
    },
    get: (id) => files.get(id),
  };
}

/** The file object the providers answer with. */
export function fileObject(file: StoredFile): Record<string, unknown> {
  // Files are kept 30 days (PROVIDERS.md).
  return { id: file.id, object: 'file', bytes: file.bytes.length, created_at: file.createdAt, filename: file.filename, purpose: file.purpose, expires_at: file.createdAt + 30 * 86_400 };
}
