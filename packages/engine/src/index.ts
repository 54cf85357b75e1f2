/** Public API of the Jalon assessment engine: pure functions, no I/O, injected clock and randomness. */
export * from './brand';
export * from './answer-checking';
export * from './knowledge';
export * from './scoring';
export { createRandom, mix, mix32 } from './random';
export type { Random } from './random';
export * from './selection';
export * from './irt';
export * from './simulation';
