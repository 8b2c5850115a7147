'use client';

import type { FileUIPart } from 'ai';
import { useCallback, useRef, useState, type ClipboardEvent } from 'react';
import { classifyFile } from '@/lib/images/classify-file';
import { imageLimits } from '@/lib/images/image-limits';
import { ImageProblem } from '@/lib/images/image-problem';
import { imageShare } from '@/lib/images/image-share';
import { normalizeImage, type NormalizedImage, type NormalizeStage } from '@/lib/images/normalize-image';

/** One picked image on its way to the next message. */
export type ImageAttachment = {
  id: string;
  name: string;
  stage: 'queued' | NormalizeStage | 'ready';
  image?: NormalizedImage;
};

/** The images attached to the message being written, normalised one at a time as they arrive. */
export type ImageAttachments = ReturnType<typeof useImageAttachments>;

/**
 * Holds the composer's attachments: adds files (refusing non-images and a sixth image with a
 * message), normalises each to Groq's limits in turn, and hands back ready `file` parts.
 */
export function useImageAttachments() {
  const [attachments, setAttachments] = useState<ImageAttachment[]>([]);
  const [notice, setNotice] = useState<string>();
  // A mirror of the state for the async queue, which must see removals made while it worked.
  const current = useRef<ImageAttachment[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const update = useCallback((change: (list: ImageAttachment[]) => ImageAttachment[]) => {
    current.current = change(current.current);
    setAttachments(current.current);
  }, []);
  const patch = useCallback(
    (id: string, fields: Partial<ImageAttachment>) => update((list) => list.map((each) => (each.id === id ? { ...each, ...fields } : each))),
    [update],
  );

  const prepare = useCallback(
    async (id: string, file: File) => {
      if (!current.current.some((each) => each.id === id)) return;
      // Sizes of the other ready images decide this one's share of the 4 MB.
      const used = current.current.flatMap((each) => (each.id !== id && each.image ? [each.image.url.length] : []));
      try {
        const image = await normalizeImage(file, imageShare(used), (stage) => patch(id, { stage }));
        patch(id, { stage: 'ready', image });
      } catch (error) {
        update((list) => list.filter((each) => each.id !== id));
        setNotice(ImageProblem.isInstance(error) ? error.message : `“${file.name}” could not be prepared. Try another picture.`);
      }
    },
    [patch, update],
  );

  const add = useCallback(
    (files: Iterable<File>) => {
      const problems: string[] = [];
      const images = [...files].filter((file) => {
        if (classifyFile(file.name, file.type) !== 'not-image') return true;
        problems.push(`“${file.name}” is not an image. Flint reads JPEG, PNG, WebP, GIF and HEIC pictures.`);
        return false;
      });
      const room = Math.max(0, imageLimits.maxImages - current.current.length);
      if (images.length > room) {
        const left = images.length - room;
        problems.push(`A message can carry at most ${imageLimits.maxImages} images, so ${left} ${left === 1 ? 'was' : 'were'} not added.`);
      }
      setNotice(problems.length > 0 ? problems.join(' ') : undefined);
      for (const file of images.slice(0, room)) {
        const id = crypto.randomUUID();
        update((list) => [...list, { id, name: file.name || 'pasted image', stage: 'queued' }]);
        queue.current = queue.current.then(() => prepare(id, file));
      }
    },
    [prepare, update],
  );

  const remove = useCallback((id: string) => update((list) => list.filter((each) => each.id !== id)), [update]);
  const clear = useCallback(() => {
    update(() => []);
    setNotice(undefined);
  }, [update]);

  /** Attaches pasted images instead of pasting their names as text. */
  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLElement>) => {
      const files = event.clipboardData.files;
      if (files.length === 0) return;
      event.preventDefault();
      add(files);
    },
    [add],
  );

  const parts: FileUIPart[] = attachments.flatMap((each) =>
    each.image ? [{ type: 'file', mediaType: each.image.mediaType, url: each.image.url, filename: each.image.filename }] : [],
  );
  const working = attachments.some((each) => each.stage !== 'ready');
  return { attachments, notice, parts, working, add, remove, clear, onPaste, dismissNotice: () => setNotice(undefined) };
}
