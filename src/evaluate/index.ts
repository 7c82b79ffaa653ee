/** Pure evaluation and chart maths: no React, no tfjs. */
export * from './classification';
export * from './csv';
export * from './lttb';
export * from './regression';
export * from './roc';
export * from './smoothing';
