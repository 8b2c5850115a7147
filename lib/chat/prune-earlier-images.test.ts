import { describe, expect, it } from 'vitest';
import { dataUrlOf, filePart, userMessage } from './image-test-support';
import { omittedImagesNote, pruneEarlierImages } from './prune-earlier-images';
import type { ChatRequest } from './request';

type Message = ChatRequest['messages'][number];
const answer = (id: string): Message => ({ id, role: 'assistant', parts: [{ type: 'text', text: 'Sure.' }] });
const images = (messages: Message[]) => messages.map((message) => message.parts.filter((part) => part.type === 'file').length);
const texts = (message: Message) => message.parts.filter((part) => part.type === 'text').map((part) => part.text);

describe('pruneEarlierImages', () => {
  it('keeps the image of an earlier turn for a follow-up question', () => {
    const messages = [userMessage('1', 'What is this?', [filePart()]), answer('2'), userMessage('3', 'What colour is it?')];
    expect(pruneEarlierImages(messages)).toEqual(messages);
  });

  it('drops the oldest turns first once the request would pass 5 images, replacing them by a note', () => {
    const messages = [
      userMessage('1', 'first', [filePart(), filePart()]),
      answer('2'),
      userMessage('3', 'second', [filePart(), filePart()]),
      answer('4'),
      userMessage('5', 'third', [filePart(), filePart()]),
    ];
    const pruned = pruneEarlierImages(messages);
    expect(images(pruned)).toEqual([0, 0, 2, 0, 2]);
    expect(texts(pruned[0]!)).toEqual([omittedImagesNote(2), 'first']);
  });

  it('keeps a turn whole or not at all, and older turns go once one has gone', () => {
    const messages = [userMessage('1', 'a', [filePart()]), userMessage('2', 'b', [filePart(), filePart()]), userMessage('3', 'c', [filePart(), filePart(), filePart(), filePart()])];
    expect(images(pruneEarlierImages(messages))).toEqual([0, 0, 4]);
  });

  it('drops earlier images when the 4 MB base64 budget would be passed', () => {
    const big = filePart(dataUrlOf('image/jpeg', [0xff, 0xd8, 0xff], 3_000_000), 'image/jpeg');
    const pruned = pruneEarlierImages([userMessage('1', 'old', [big]), userMessage('2', 'new', [big])]);
    expect(images(pruned)).toEqual([0, 1]);
  });

  it('never sends more than 5 images in one request', () => {
    const messages = Array.from({ length: 9 }, (_, index) => userMessage(String(index), 'q', [filePart()]));
    expect(images(pruneEarlierImages(messages)).reduce((sum, count) => sum + count, 0)).toBe(5);
  });
});
