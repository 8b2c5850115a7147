import type { JSONSchema7 } from '@ai-sdk/provider';

const party: JSONSchema7 = {
  type: 'object',
  properties: { name: { type: 'string' }, address: { type: ['string', 'null'] } },
  required: ['name', 'address'],
  additionalProperties: false,
};

/** An invoice with its parties, lines and totals; strict-shaped (unknown fields are null). */
export const invoiceSchema: JSONSchema7 = {
  type: 'object',
  description: 'An invoice: who bills whom, for what, and how much.',
  properties: {
    invoiceNumber: { type: 'string' },
    issueDate: { type: ['string', 'null'], description: 'ISO 8601 date, e.g. 2026-12-01' },
    dueDate: { type: ['string', 'null'], description: 'ISO 8601 date' },
    currency: { type: 'string', description: 'ISO 4217 code, e.g. EUR' },
    seller: party,
    buyer: party,
    lineItems: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          description: { type: 'string' },
          quantity: { type: 'number' },
          unitPrice: { type: 'number' },
          amount: { type: 'number' },
        },
        required: ['description', 'quantity', 'unitPrice', 'amount'],
        additionalProperties: false,
      },
    },
    subtotal: { type: ['number', 'null'] },
    tax: { type: ['number', 'null'] },
    total: { type: 'number' },
  },
  required: ['invoiceNumber', 'issueDate', 'dueDate', 'currency', 'seller', 'buyer', 'lineItems', 'subtotal', 'tax', 'total'],
  additionalProperties: false,
};
