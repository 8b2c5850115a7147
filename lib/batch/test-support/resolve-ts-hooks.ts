// Lets plain Node 24 run lib/ code outside Next and vitest (child processes in tests, the bench): `@/` is the project
// root, and an import without an extension finds its `.ts` file. Load with `node --import ./lib/batch/test-support/resolve-ts-hooks.ts`.
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

registerHooks({
  resolve(specifier, context, nextResolve) {
    const aliased = specifier.startsWith('@/') ? pathToFileURL(root + specifier.slice(2)).href : specifier;
    if ((aliased.startsWith('.') || aliased.startsWith('file:')) && !/\.[cm]?[jt]sx?$|\.json$/.test(aliased)) {
      const base = new URL(aliased, context.parentURL);
      for (const candidate of [`${base.href}.ts`, `${base.href}/index.ts`]) if (existsSync(fileURLToPath(candidate))) return nextResolve(candidate, context);
    }
    return nextResolve(aliased, context);
  },
});
