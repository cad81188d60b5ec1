import { Initial1795578191871 } from './1795578191871-Initial.js';

/** In order of application. */
export const SQLITE_MIGRATIONS = [Initial1795578191871];
