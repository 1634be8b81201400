/**
 * `revops`: the arithmetic of a sales organisation. The root re-exports every module;
 * import a subpath (`revops/commission`) to load only what you use.
 * @module revops
 */
export * from './core/index.js';
export * from './model/index.js';
export * from './pipeline/index.js';
export * from './metrics/index.js';
export * from './retention/index.js';
export * from './commission/index.js';
export * from './forecast/index.js';
export * from './planning/index.js';
export * from './import/index.js';
export * from './sheets/index.js';
