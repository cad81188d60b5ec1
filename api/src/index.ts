export { createApiServer } from './server.js';
export { buildApiSchema, createServices, type ApiDeps } from './graphql/build-schema.js';
