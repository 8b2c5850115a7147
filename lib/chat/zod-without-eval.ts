import { z } from 'zod';

// zod compiles fast parsers with `new Function` after probing whether eval works; under the page's
// CSP (no 'unsafe-eval') that probe is reported as a violation. Imported first by the browser code.
z.config({ jitless: true });

/** Marks that zod runs without eval in this bundle (importing the module is what matters). */
export const zodWithoutEval = true;
