import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { cn } from './cn';

type IconButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { label: string; children: ReactNode; showLabel?: boolean };

/** A small quiet button whose accessible name is `label`; the label is visible text when `showLabel`. */
export function IconButton({ label, children, showLabel = false, className, ...props }: IconButtonProps) {
  return (
    <button
      type="button"
      aria-label={showLabel ? undefined : label}
      title={label}
      className={cn(
        'inline-flex h-8 min-w-8 items-center justify-center gap-1.5 rounded-md px-1.5 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 disabled:pointer-events-none disabled:opacity-40 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100',
        className,
      )}
      {...props}
    >
      {children}
      {showLabel && <span>{label}</span>}
    </button>
  );
}
