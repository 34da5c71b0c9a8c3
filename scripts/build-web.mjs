// Builds the browser app into web/dist: installs web/'s own dependencies when they are missing or older
// than its lock file, and rebuilds when any source file is newer than the last build. `--force` always
// rebuilds. Run by `npm install` (prepare) and before the tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..', 'web');
const force = process.argv.includes('--force');
if (!existsSync(join(web, 'package.json'))) process.exit(0);

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n))));
}
function run(args) {
  const r = spawnSync('npm', args, { cwd: web, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const lock = join(web, 'package-lock.json');
const installed = join(web, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || newest(lock) > newest(installed)) run(['ci', '--no-audit', '--no-fund']);
const built = newest(join(web, 'dist', 'index.html'));
const sources = Math.max(newest(join(web, 'src')), newest(join(web, 'index.html')), newest(join(web, 'vite.config.ts')), newest(join(web, '..', 'src', 'charts')));
if (force || built === 0 || sources > built) run(['run', 'build']);
