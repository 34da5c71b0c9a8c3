/**
 * A development server for the web app: the e2e harness's server on a fixed port (ECOPLAN_DEV_PORT, default
 * 3100) over a fresh database with the plans of plans/ and one account per role (password Str0ng!Passw0rd).
 * Run `npx tsx test/e2e/support/dev-server.ts`, then `npm --prefix web run dev` (Vite proxies /api to it)
 * or open it directly when web/dist is built. Stops on Ctrl-C.
 */
import { startServer, DEFAULT_USERS, PASSWORD } from './harness.js';

const port = Number(process.env.ECOPLAN_DEV_PORT ?? 3100);
const server = await startServer(DEFAULT_USERS, { port });
console.log(`ecoplan dev server: ${server.url} (accounts: ${DEFAULT_USERS.map((u) => u.username).join(', ')}; password ${PASSWORD})`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
