'use client';

import { Streamdown } from 'streamdown';
import { lazyCodePlugin } from './lazy-code-plugin';
import { MarkdownImage } from './markdown-image';

const plugins = { code: lazyCodePlugin };
const components = { img: MarkdownImage };

/**
 * Markdown as it streams: Streamdown closes unfinished syntax per block (so `**bo` never flashes
 * as raw asterisks), sanitises HTML and hardens links. Loaded lazily by `Markdown`.
 */
export default function MarkdownRenderer({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <Streamdown
      className="flint-markdown"
      plugins={plugins}
      components={components}
      isAnimating={streaming}
      caret={streaming ? 'block' : undefined}
      lineNumbers={false}
      controls={{ code: { copy: true, download: false }, table: { copy: true, download: false, fullscreen: false }, mermaid: false }}
    >
      {text}
    </Streamdown>
  );
}
