/** Says plainly where replies come from: a local emulator in demo mode, or nowhere yet. */
export function SetupBanner({ demo, configured }: { demo: boolean; configured: boolean }) {
  if (demo) {
    return (
      <div role="note" data-testid="demo-banner" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
        <strong>Demo mode:</strong> replies come from Flint&apos;s local emulator, not a real model.
        {/* The how-to is long; on a phone the first sentence is what matters. */}
        <span className="hidden sm:inline">
          {' '}To chat with Groq, set <code className="font-mono">GROQ_API_KEY</code> in <code className="font-mono">.env.local</code> and run{' '}
          <code className="font-mono">npm run dev</code>.
        </span>
      </div>
    );
  }
  if (configured) return null;
  return (
    <div role="alert" data-testid="setup-banner" className="border-b border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <strong>No AI provider is configured.</strong> Copy <code className="font-mono">.env.example</code> to{' '}
      <code className="font-mono">.env.local</code> and set <code className="font-mono">GROQ_API_KEY</code> (and optionally{' '}
      <code className="font-mono">OPENAI_API_KEY</code> as a backup), then restart. Or try Flint without a key:{' '}
      <code className="font-mono">npm run demo</code>.
    </div>
  );
}
