import { describe, expect, it, vi } from 'vitest';
import { chatNeeds } from '@/lib/services/chat-needs';
import { filePart, pngDataUrl, userMessage } from './image-test-support';
import { prepareImages } from './prepare-images';

vi.mock('server-only', () => ({}));

describe('prepareImages', () => {
  it('treats an upper-case media type as the image it is, so the request is routed to a vision model', () => {
    const shouting = pngDataUrl.replace('data:image/png', 'data:IMAGE/PNG');
    const prepared = prepareImages({ id: 'c', tier: 'fast', messages: [userMessage('u1', 'What is this?', [filePart(shouting, 'IMAGE/PNG')])] } as never);
    expect(prepared.messages[0]!.parts[0]).toMatchObject({ type: 'file', mediaType: 'image/png' });
    expect(chatNeeds(prepared).hasImages).toBe(true);
  });
});
