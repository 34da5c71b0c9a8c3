#!/usr/bin/env node
// The `ecoplan` command. Runs the compiled CLI from dist/ (built by `npm install` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(entry)) {
  console.error('ecoplan 尚未构建：请先运行 npm install（或 npm run build）。 / ecoplan is not built yet: run npm install (or npm run build) first.');
  process.exit(1);
}
const { run } = await import(entry);
await run(process.argv);
