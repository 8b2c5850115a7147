/** The admin-token form shown by /usage to a visitor without the token. */
export function UsageLogin({ denied }: { denied: boolean }) {
  return (
    <main className="mx-auto flex max-w-sm flex-col gap-4 p-6 pt-24">
      <h1 className="text-xl font-semibold">Usage</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">This page is for the operator. Enter the admin token (FLINT_ADMIN_TOKEN).</p>
      <form method="post" action="/usage/login" className="flex flex-col gap-3">
        <label htmlFor="token" className="text-sm font-medium">
          Admin token
        </label>
        <input id="token" name="token" type="password" required autoComplete="current-password" className="rounded-md border border-zinc-300 bg-transparent px-3 py-2 dark:border-zinc-700" />
        {denied ? (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            That token is not right.
          </p>
        ) : null}
        <button type="submit" className="rounded-md bg-zinc-900 px-3 py-2 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
          Show usage
        </button>
      </form>
    </main>
  );
}
