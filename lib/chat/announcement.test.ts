import { describe, expect, it } from 'vitest';
import { nextAnnouncement } from './announcement';

describe('nextAnnouncement', () => {
  it('waits for the end of a sentence before announcing anything', () => {
    expect(nextAnnouncement('Tides are caused by', 0, false)).toBeUndefined();
  });

  it('announces only the whole sentences that are new', () => {
    const first = nextAnnouncement('Tides are caused by the Moon. Its gravity pul', 0, false);
    expect(first).toEqual({ text: 'Tides are caused by the Moon.', spoken: 29 });
    const second = nextAnnouncement('Tides are caused by the Moon. Its gravity pulls water. And', first!.spoken, false);
    expect(second?.text).toBe('Its gravity pulls water.');
  });

  it('announces the unfinished rest once the answer is done', () => {
    expect(nextAnnouncement('One. Two without a stop', 4, true)?.text).toBe('Two without a stop');
  });

  it('does not read markdown symbols aloud', () => {
    expect(nextAnnouncement('## **Bold** and `code` and [a link](https://x.y).\n', 0, false)?.text).toBe('Bold and code and a link.');
  });

  it('says nothing new when everything was already announced', () => {
    expect(nextAnnouncement('Done.', 5, true)).toBeUndefined();
  });
});
