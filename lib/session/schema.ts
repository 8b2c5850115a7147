import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { gatewayKeys } from '../db/schema.ts';

/** Chat-page sessions: the SHA-256 of the cookie's token, the key it is charged to, and when it lapses. */
export const chatSessions = pgTable(
  'chat_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    keyId: uuid('key_id')
      .notNull()
      .references(() => gatewayKeys.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('chat_sessions_expires_at').on(table.expiresAt)],
);
