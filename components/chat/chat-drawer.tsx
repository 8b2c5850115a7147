'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { IconButton } from '@/components/ui/icon-button';
import { CloseIcon } from '@/components/ui/icons';

/**
 * The chat list on narrow screens: a modal <dialog>, which brings focus trapping, Esc to close
 * and an inert page behind it from the browser itself.
 */
export function ChatDrawer({ open, onClose, children }: { open: boolean; onClose: () => void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-label="Chats"
      data-testid="chat-drawer"
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) onClose();
      }}
      className="m-0 h-dvh max-h-none w-80 max-w-[85vw] bg-zinc-50 p-0 text-inherit backdrop:bg-black/40 open:flex open:flex-col dark:bg-zinc-950"
    >
      <div className="flex items-center justify-between border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <span className="text-sm font-semibold">Chats</span>
        <IconButton label="Close chat list" onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </div>
      {children}
    </dialog>
  );
}
