/** @module model */
export {};
