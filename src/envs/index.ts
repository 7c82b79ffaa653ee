/** Game environments for agents: pure, seeded, deterministic (no React, no tfjs). */
export * from './cartpole';
export * from './catch';
export * from './maze';
export * from './registry';
export * from './types';
export * from './vec';
export * from './episodes';
