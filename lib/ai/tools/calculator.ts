import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { evaluateExpression, maxExpressionLength } from './evaluate-expression';

/** Arithmetic and unit conversion on the server, without running code (mathjs in a limited scope). */
export const calculator = tool({
  description:
    'Evaluates an arithmetic expression or a unit conversion exactly, e.g. "12*7+3", "sqrt(2)^2", "15% * 80", "5 km to mi", "100 degF to degC". Use it for any calculation.',
  // Wrapped once: the SDK converts it to JSON schema on every step otherwise.
  inputSchema: zodSchema(
    z.object({
      expression: z.string().min(1).max(maxExpressionLength).describe('The expression in mathjs syntax'),
    }),
  ),
  execute: async ({ expression }) => ({ expression, result: evaluateExpression(expression) }),
});
