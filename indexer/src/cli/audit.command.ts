import { verifyAuditChain, type Config } from '@bewaard/schema';
import { openArchive } from '../pipeline/archive-context.js';
import { printJson } from './output.js';

/** `bewaard audit verify`: recomputes the audit trail's hash chain; exit code 1 when it is broken. */
export async function auditVerifyCommand(cfg: Config, opts: { json?: boolean }): Promise<void> {
  const ctx = await openArchive(cfg);
  try {
    const report = await verifyAuditChain(ctx.ds);
    if (opts.json) printJson(report);
    else if (report.ok) console.log(`audit trail intact: ${report.checked} events, head ${report.lastSeq} ${report.lastHash}`);
    else console.log(`audit trail BROKEN at event ${report.firstBrokenSeq} (${report.reason}); ${report.checked} events before it are intact`);
    if (!report.ok) process.exitCode = 1;
  } finally {
    await ctx.close();
  }
}
