/** What the page knows of its session: whether a key is asked for and, when signed in, whose key (never the key itself). */
export type SessionState = { required: boolean; signedIn: false } | { required: true; signedIn: true; key: { name: string; prefix: string } };
