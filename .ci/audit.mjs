// Fails when `npm audit` reports a high or critical advisory in the runtime dependencies. When the
// registry's audit service cannot be reached (this network only reaches the package registry itself),
// it says so and does not fail: that is not a finding.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.log(`npm audit: no report (${(r.stderr || '').trim().split('\n').pop()}); skipped`);
  process.exit(0);
}
if (report.error) {
  console.log(`npm audit: the advisory service did not answer (${report.error.summary ?? report.error.code}); skipped`);
  process.exit(0);
}
const v = report.metadata?.vulnerabilities ?? {};
console.log(`npm audit: ${JSON.stringify(v)}`);
process.exit((v.high ?? 0) + (v.critical ?? 0) > 0 ? 1 : 0);
