import { Initial1795578191871 } from './1795578191871-Initial.js';
import { DropUnreadIndexes1795580108623 } from './1795580108623-DropUnreadIndexes.js';
import { AuditTrail1795580152395 } from './1795580152395-AuditTrail.js';
import { Harvest1795582106702 } from './1795582106702-Harvest.js';

/** In order of application. */
export const SQLITE_MIGRATIONS = [Initial1795578191871, DropUnreadIndexes1795580108623, AuditTrail1795580152395, Harvest1795582106702];
