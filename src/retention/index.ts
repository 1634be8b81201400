/**
 * `revops/retention`.
 * @module retention
 */
export {};
