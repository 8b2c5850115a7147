import { generateId } from '@ai-sdk/provider-utils';

/**
 * The ids streamText gives text or reasoning blocks: the model's own, unless an earlier step of
 * the reply already used it (Groq names every step's blocks txt-0), then a fresh random one.
 */
export function idReserver(): (id: string) => string {
  const used = new Set<string>();
  return (id) => {
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
    let unique = generateId();
    for (let suffix = 1; used.has(unique); suffix++) unique = `${unique}-${suffix}`;
    used.add(unique);
    return unique;
  };
}
