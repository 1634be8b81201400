/**
 * `revops/metrics`.
 * @module metrics
 */
export {};
