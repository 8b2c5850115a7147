'use client';

import { useState } from 'react';
import { IconButton } from '@/components/ui/icon-button';
import { CheckIcon, CopyIcon } from '@/components/ui/icons';

/** Copies `text` to the clipboard and says so for a moment; a refused clipboard says that instead. */
export function CopyButton({ text, label = 'Copy message' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  }

  const shown = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label;
  return (
    <IconButton label={shown} onClick={() => void copy()} data-testid="copy-message">
      {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
    </IconButton>
  );
}
