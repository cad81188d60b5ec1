import { Initial1795578191963 } from './1795578191963-Initial.js';
import { DropUnreadIndexes1795580108913 } from './1795580108913-DropUnreadIndexes.js';

/** In order of application. */
export const MARIADB_MIGRATIONS = [Initial1795578191963, DropUnreadIndexes1795580108913];
