/** Limits for the JSON a chat part or message carries beyond its text: deep enough for any real tool, never for a stack bomb. */
export const structureLimits = { depth: 32, nodes: 20_000, chars: 256 * 1024 } as const;

/**
 * Says why a JSON value is too deep, too many-noded or too large to pass on, or undefined when it
 * is fine. Iterative, so a hostile 3,000-level structure cannot overflow the checker itself.
 * `skipKeys` names top-level string fields that have limits of their own (a text, an image URL).
 */
export function structureProblem(value: unknown, skipKeys: readonly string[] = []): string | undefined {
  const stack: Array<{ value: unknown; depth: number }> = [];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (skipKeys.includes(key) && typeof child === 'string') continue;
      stack.push({ value: child, depth: 1 });
    }
  } else {
    stack.push({ value, depth: 0 });
  }
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    nodes += 1;
    if (nodes > structureLimits.nodes) return `has more than ${structureLimits.nodes} values`;
    if (typeof current === 'string') chars += current.length;
    else chars += 8;
    if (chars > structureLimits.chars) return `is larger than ${structureLimits.chars} characters`;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= structureLimits.depth) return `is nested deeper than ${structureLimits.depth} levels`;
    if (Array.isArray(current)) {
      for (const child of current) stack.push({ value: child, depth: depth + 1 });
    } else {
      for (const [key, child] of Object.entries(current)) {
        chars += key.length;
        stack.push({ value: child, depth: depth + 1 });
      }
    }
  }
  return undefined;
}
