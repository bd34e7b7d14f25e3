// Replaces the "server-only" package in unit tests, as set up in vitest.config.ts.
export {};
