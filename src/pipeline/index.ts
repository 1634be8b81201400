/**
 * `revops/pipeline`.
 * @module pipeline
 */
export {};
