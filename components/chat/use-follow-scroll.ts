'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { bottomSlack, distanceFromBottom, followAfterScroll } from '@/lib/chat/scroll-follow';

/**
 * Keeps a scroll container pinned to its end while content grows (a streaming answer), until the
 * reader scrolls up; offers `jumpToLatest` and re-pins whenever `repinKey` changes (a new question).
 */
export function useFollowScroll(scroller: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>, repinKey: unknown) {
  const state = useRef({ following: true, scrollTop: 0 });
  const [behind, setBehind] = useState(false);

  const pin = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    state.current = { following: true, scrollTop: element.scrollTop };
    setBehind(false);
  }, [scroller]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const onScroll = () => {
      const following = followAfterScroll(state.current, element);
      state.current = { following, scrollTop: element.scrollTop };
      setBehind(!following && distanceFromBottom(element) > bottomSlack);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, [scroller]);

  useEffect(() => {
    const element = content.current;
    if (!element) return;
    // Every growth of the conversation (tokens, a highlighted code block, an image) re-pins if following.
    const observer = new ResizeObserver(() => {
      if (state.current.following) pin();
      else if (scroller.current) setBehind(distanceFromBottom(scroller.current) > bottomSlack);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [content, scroller, pin]);

  useEffect(pin, [repinKey, pin]);

  return { behind, jumpToLatest: pin };
}
