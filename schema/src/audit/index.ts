export * from './audit-chain.js';
export * from './verify-audit-chain.js';
