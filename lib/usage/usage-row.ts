import type { usageLedger } from '../db/schema.ts';

/** Where a request came from. */
export type UsageSurface = 'chat' | 'v1' | 'transcription' | 'batch';

/** One ledger row as callers hand it in (id and time are filled in by the database). */
export type UsageRow = Omit<typeof usageLedger.$inferInsert, 'id' | 'createdAt' | 'surface'> & { surface: UsageSurface };
