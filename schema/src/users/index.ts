export * from './password.js';
export * from './user-admin.js';
