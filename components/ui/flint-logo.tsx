/** Flint's flame mark, drawn inline so it looks the same without an emoji font. */
export function FlintLogo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={className}>
      <path
        d="M12 2c.6 3.2 2.6 5 4.4 7 1.6 1.8 2.6 3.7 2.6 6a7 7 0 0 1-14 0c0-2.5 1.2-4.4 2.8-5.9.3 1.6 1 2.8 2.2 3.5C9.6 9.4 10.4 5.4 12 2Z"
        fill="#ea580c"
      />
      <path d="M12 12.5c1.6 1.4 3 2.8 3 4.6a3 3 0 0 1-6 0c0-1.6 1.2-3 3-4.6Z" fill="#fdba74" />
    </svg>
  );
}
