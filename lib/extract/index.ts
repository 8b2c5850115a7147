import type { JSONSchema7 } from '@ai-sdk/provider';
import { contactSchema } from './contact';
import { eventSchema } from './event';
import { invoiceSchema } from './invoice';

/** The JSON Schemas Flint ships for /api/extract, by the name a caller passes as `schema`. */
export const shippedSchemas = { contact: contactSchema, invoice: invoiceSchema, event: eventSchema } as const satisfies Record<string, JSONSchema7>;

/** The name of a shipped schema. */
export type ShippedSchemaName = keyof typeof shippedSchemas;
