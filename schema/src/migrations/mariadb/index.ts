import { Initial1795578191963 } from './1795578191963-Initial.js';

/** In order of application. */
export const MARIADB_MIGRATIONS = [Initial1795578191963];
