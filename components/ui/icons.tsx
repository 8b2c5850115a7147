import type { SVGProps } from 'react';

// Inline 16px stroke icons: a handful is cheaper than an icon library in the first-load bundle.
function Icon({ children, ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
      {children}
    </svg>
  );
}

/** Two overlapping sheets. */
export const CopyIcon = () => <Icon><rect x="9" y="9" width="12" height="12" rx="2" /><path d="M5 15V5a2 2 0 0 1 2-2h10" /></Icon>;
/** A tick. */
export const CheckIcon = () => <Icon><path d="M20 6 9 17l-5-5" /></Icon>;
/** A circular arrow. */
export const RegenerateIcon = () => <Icon><path d="M21 12a9 9 0 1 1-3-6.7L21 8" /><path d="M21 3v5h-5" /></Icon>;
/** A pencil. */
export const EditIcon = () => <Icon><path d="M12 20h9" /><path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z" /></Icon>;
/** A plus in a speech bubble's place. */
export const PlusIcon = () => <Icon><path d="M12 5v14M5 12h14" /></Icon>;
/** Three lines. */
export const MenuIcon = () => <Icon><path d="M4 6h16M4 12h16M4 18h16" /></Icon>;
/** A cross. */
export const CloseIcon = () => <Icon><path d="M18 6 6 18M6 6l12 12" /></Icon>;
/** A bin. */
export const TrashIcon = () => <Icon><path d="M3 6h18M8 6V4h8v2M6 6l1 14h10l1-14" /></Icon>;
/** An arrow pointing down. */
export const ArrowDownIcon = () => <Icon><path d="M12 5v14M19 12l-7 7-7-7" /></Icon>;
/** An arrow pointing up, for Send. */
export const ArrowUpIcon = () => <Icon><path d="M12 19V5M5 12l7-7 7 7" /></Icon>;
/** A filled square, for Stop. */
export const StopIcon = () => <Icon fill="currentColor" stroke="none"><rect x="6" y="6" width="12" height="12" rx="2" /></Icon>;
/** A door with an arrow leaving it, for Sign out. */
export const SignOutIcon = () => <Icon><path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4" /><path d="m16 17 5-5-5-5M21 12H9" /></Icon>;
/** A key. */
export const KeyIcon = () => <Icon><circle cx="7.5" cy="15.5" r="4.5" /><path d="m10.7 12.3 9.8-9.8M17 6l3 3M14.5 8.5l2 2" /></Icon>;
