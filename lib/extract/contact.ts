import type { JSONSchema7 } from '@ai-sdk/provider';

/** A person or organisation and how to reach them; strict-shaped (unknown fields are null). */
export const contactSchema: JSONSchema7 = {
  type: 'object',
  description: 'A contact: a person or organisation and how to reach them.',
  properties: {
    name: { type: 'string', description: 'Full name of the person or organisation' },
    organization: { type: ['string', 'null'] },
    title: { type: ['string', 'null'], description: 'Job title or role' },
    emails: { type: 'array', items: { type: 'string' } },
    phones: { type: 'array', items: { type: 'string' } },
    address: { type: ['string', 'null'] },
    website: { type: ['string', 'null'] },
  },
  required: ['name', 'organization', 'title', 'emails', 'phones', 'address', 'website'],
  additionalProperties: false,
};
