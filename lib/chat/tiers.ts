/** The model tiers a user can pick in the composer (kept free of zod: the page shell imports it). */
export const tiers = ['auto', 'speed', 'quality'] as const;
export type Tier = (typeof tiers)[number];
