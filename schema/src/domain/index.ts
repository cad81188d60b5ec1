export * from './enums.js';
export * from './normalised-item.js';
