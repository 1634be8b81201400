/**
 * `revops/forecast`.
 * @module forecast
 */
export {};
