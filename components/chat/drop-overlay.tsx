/** The visible drop zone over the composer while files are dragged onto it. */
export function DropOverlay({ visible }: { visible: boolean }) {
  if (!visible) return null;
  return (
    <div
      className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center rounded-2xl border-2 border-dashed border-orange-500 bg-orange-50/90 text-sm font-medium text-orange-900 dark:bg-orange-950/90 dark:text-orange-100"
      data-testid="drop-zone"
    >
      Drop images to attach them (up to 5)
    </div>
  );
}
