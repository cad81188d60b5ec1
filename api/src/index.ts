export { createApiServer, MAX_QUERY_COMPLEXITY, MAX_QUERY_DEPTH } from './server.js';
export { buildApiSchema, createServices, type ApiDeps } from './graphql/build-schema.js';
/** For `bewaard audit verify`: recomputes the audit trail's hash chain and names the first broken event. */
export { verifyAuditChain, type AuditChainReport } from '@bewaard/schema';
