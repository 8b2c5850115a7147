'use client';

import { lazy, Suspense } from 'react';

const loadRenderer = () => import('./markdown-renderer');
const MarkdownRenderer = lazy(loadRenderer);

/** Fetches the markdown renderer ahead of the first answer, so no answer waits for it. */
export function preloadMarkdown() {
  void loadRenderer();
}

/** An answer's markdown; plain wrapped text while the renderer's chunk is still on its way. */
export function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <Suspense fallback={<div className="whitespace-pre-wrap leading-relaxed">{text}</div>}>
      <MarkdownRenderer text={text} streaming={streaming} />
    </Suspense>
  );
}
