import { describe, expect, it } from 'vitest';
import { FlintError } from '@/lib/errors';
import { createSlots } from './transcription-slots';

describe('createSlots', () => {
  it('refuses past the limit with busy:transcribe 503 and admits again once a slot is freed', () => {
    const slots = createSlots(2);
    const first = slots.take();
    slots.take();
    const refused = (() => {
      try {
        slots.take();
      } catch (error) {
        return error;
      }
    })();
    expect(FlintError.isInstance(refused) && [refused.code, refused.status, refused.retryable]).toEqual(['busy:transcribe', 503, true]);
    first();
    first(); // freeing twice must not free a slot someone else holds
    expect(slots.inUse).toBe(1);
    expect(() => slots.take()).not.toThrow();
    expect(() => slots.take()).toThrow(/Too many recordings/);
  });
});
