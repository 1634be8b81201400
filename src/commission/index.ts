/**
 * `revops/commission`.
 * @module commission
 */
export {};
