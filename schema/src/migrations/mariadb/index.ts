import { Initial1795578191963 } from './1795578191963-Initial.js';
import { DropUnreadIndexes1795580108913 } from './1795580108913-DropUnreadIndexes.js';
import { AuditTrail1795580153314 } from './1795580153314-AuditTrail.js';
import { Harvest1795582107280 } from './1795582107280-Harvest.js';

/** In order of application. */
export const MARIADB_MIGRATIONS = [Initial1795578191963, DropUnreadIndexes1795580108913, AuditTrail1795580153314, Harvest1795582107280];
