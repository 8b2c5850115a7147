import type { JSONSchema7 } from '@ai-sdk/provider';

/** A calendar event; strict-shaped (unknown fields are null). */
export const eventSchema: JSONSchema7 = {
  type: 'object',
  description: 'An event: what happens, when and where.',
  properties: {
    title: { type: 'string' },
    start: { type: 'string', description: 'ISO 8601 date-time, with offset when known' },
    end: { type: ['string', 'null'], description: 'ISO 8601 date-time' },
    allDay: { type: 'boolean' },
    location: { type: ['string', 'null'] },
    description: { type: ['string', 'null'] },
    attendees: { type: 'array', items: { type: 'string' } },
  },
  required: ['title', 'start', 'end', 'allDay', 'location', 'description', 'attendees'],
  additionalProperties: false,
};
