/**
 * Accounts and sessions: users with district-scoped roles, scrypt password hashes, lockout after repeated
 * failures, server-side sessions with idle and absolute timeouts, and audit of every sign-in event.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { ROLES, type Actor, type Role } from '../domain/access.js';
import { EcoplanError } from '../domain/errors.js';
import { passwordProblems } from '../domain/passwords.js';
import {
  countUsers,
  deleteSession,
  deleteUserSessions,
  findSession,
  findUserById,
  findUserByName,
  insertSession,
  insertUser,
  listUsers as listUserRows,
  touchSession,
  updateUser,
  type UserWithScopes,
} from '../store/users-repo.js';
import { auditAlone, requireAccess, write, type ServiceContext } from './context.js';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

/** Security settings; the defaults follow docs/security.md. */
export interface SecuritySettings {
  idleMinutes: number;
  absoluteHours: number;
  maxFailures: number;
  lockMinutes: number;
  historySize: number;
}

/** Defaults: 30 min idle, 12 h absolute, lock for 15 min after 5 failures, no reuse of the last 3 passwords. */
export const DEFAULT_SECURITY: SecuritySettings = {
  idleMinutes: Number(process.env.ECOPLAN_IDLE_MINUTES ?? 30),
  absoluteHours: Number(process.env.ECOPLAN_ABSOLUTE_HOURS ?? 12),
  maxFailures: Number(process.env.ECOPLAN_MAX_FAILURES ?? 5),
  lockMinutes: Number(process.env.ECOPLAN_LOCK_MINUTES ?? 15),
  historySize: 3,
};

const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** Hashes a password with scrypt and a random salt: "scrypt$N$r$p$salt$hash" (base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A dummy hash to spend the same time on unknown usernames as on known ones. */
let dummyHash: Promise<string> | null = null;

/** A new account. */
export interface NewUser {
  username: string;
  displayName?: string;
  role: Role;
  unit?: string | null;
  scopes?: string[];
  password: string;
  /** Require a change at first sign-in (default true; the first administrator created at the console sets false). */
  mustChange?: boolean;
}

function invalid(zh: string, en: string, field: string): EcoplanError {
  return new EcoplanError('invalid_input', zh, en, [{ path: field, message: zh }]);
}

/** Creates an account (系统管理员, or the console). */
export async function addUser(ctx: ServiceContext, actor: Actor, u: NewUser): Promise<number> {
  await requireAccess(ctx, actor, 'user.manage', {}, `user:${u.username}`);
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(u.username)) throw invalid('用户名应为 3–32 位字母、数字、下划线、点或连字符', 'Username: 3–32 letters, digits, _ . -', 'username');
  if (!ROLES.includes(u.role)) throw invalid(`角色应为 ${ROLES.join('、')} 之一`, 'Unknown role', 'role');
  const scopes = u.scopes ?? [];
  if (scopes.some((s) => !/^\d{6}$/.test(s))) throw invalid('范围应为 6 位行政区划代码', 'Scopes are 6-digit region codes', 'scopes');
  if ((u.role === 'editor' || u.role === 'clerk' || u.role === 'reviewer') && scopes.length === 0) throw invalid('该角色须指定所辖地区（--scope）', 'This role needs at least one region scope', 'scopes');
  if (u.role === 'clerk' && !u.unit) throw invalid('部门填报账号须指定所属单位（--unit）', 'A department clerk needs a unit', 'unit');
  const problems = passwordProblems(u.password, u.username);
  if (problems.length) throw invalid(problems.join('；'), 'The password does not meet the policy', 'password');
  if (await findUserByName(ctx.db.kysely, u.username)) throw new EcoplanError('conflict', `用户名 ${u.username} 已存在`, 'The username is taken');
  const passwordHash = await hashPassword(u.password);
  return write(ctx, actor, async (trx, audit, at) => {
    const id = await insertUser(trx, { username: u.username, displayName: u.displayName ?? u.username, passwordHash, role: u.role, unit: u.unit ?? null, mustChange: u.mustChange ?? true, at }, scopes);
    await audit({ action: 'user.add', target: `user:${u.username}`, outcome: 'success', after: { role: u.role, unit: u.unit ?? null, scopes } });
    return id;
  });
}

/** Lists accounts (系统管理员). */
export async function listUsers(ctx: ServiceContext, actor: Actor) {
  await requireAccess(ctx, actor, 'user.manage', {}, 'users');
  return (await listUserRows(ctx.db.kysely)).map(publicUser);
}

/** What may be shown of a user. */
export function publicUser(u: UserWithScopes) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    unit: u.unit,
    scopes: u.scopes,
    disabled: u.disabled === 1,
    mustChangePassword: u.must_change_password === 1,
    lockedUntil: u.locked_until,
  };
}

/** Disables or re-enables an account; disabling ends its sessions. */
export async function setUserDisabled(ctx: ServiceContext, actor: Actor, username: string, disabled: boolean): Promise<void> {
  await requireAccess(ctx, actor, 'user.manage', {}, `user:${username}`);
  const u = await findUserByName(ctx.db.kysely, username);
  if (!u) throw new EcoplanError('not_found', `用户 ${username} 不存在`, 'No such user');
  await write(ctx, actor, async (trx, audit, at) => {
    await updateUser(trx, u.id, { disabled: disabled ? 1 : 0, updated_at: at, ...(disabled ? {} : { failed_count: 0, locked_until: null }) });
    if (disabled) await deleteUserSessions(trx, u.id);
    await audit({ action: disabled ? 'user.disable' : 'user.enable', target: `user:${username}`, outcome: 'success', before: { disabled: u.disabled === 1 }, after: { disabled } });
  });
}

/** A signed-in session as the server hands it out: the token goes in the cookie, the CSRF token to the page. */
export interface SessionGrant {
  token: string;
  csrfToken: string;
  user: ReturnType<typeof publicUser>;
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Signs in; on success returns a new session. Failures are counted, audited and lock the account after the limit. */
export async function signIn(ctx: ServiceContext, username: string, password: string, address: string | null, settings = DEFAULT_SECURITY): Promise<SessionGrant> {
  const refused = new EcoplanError('unauthenticated', '用户名或密码错误', 'Wrong username or password');
  const db = ctx.db.kysely;
  const u = await findUserByName(db, username);
  const now = ctx.now();
  if (!u) {
    dummyHash ??= hashPassword('dummy-password-for-timing');
    await verifyPassword(password, await dummyHash);
    await auditAlone(ctx, { name: username.slice(0, 64), address }, { action: 'auth.signin', target: `user:${username.slice(0, 64)}`, outcome: 'failure', after: { reason: 'unknown user' } });
    throw refused;
  }
  if (u.disabled === 1) {
    await auditAlone(ctx, { name: username, address }, { action: 'auth.signin', target: `user:${username}`, outcome: 'failure', after: { reason: 'disabled' } });
    throw new EcoplanError('unauthenticated', '账号已停用，请联系系统管理员', 'The account is disabled');
  }
  if (u.locked_until && u.locked_until > now.toISOString()) {
    await auditAlone(ctx, { name: username, address }, { action: 'auth.signin', target: `user:${username}`, outcome: 'failure', after: { reason: 'locked', until: u.locked_until } });
    throw new EcoplanError('unauthenticated', `登录失败次数过多，账号已锁定至 ${u.locked_until}（UTC）`, 'Too many failures: the account is locked');
  }
  if (!(await verifyPassword(password, u.password_hash))) {
    const failures = u.failed_count + 1;
    const lock = failures >= settings.maxFailures;
    const until = lock ? new Date(now.getTime() + settings.lockMinutes * 60_000).toISOString() : null;
    await ctx.db.kysely.transaction().execute(async (trx) => {
      await updateUser(trx, u.id, { failed_count: lock ? 0 : failures, locked_until: until });
    });
    await auditAlone(ctx, { name: username, address }, { action: lock ? 'auth.lockout' : 'auth.signin', target: `user:${username}`, outcome: 'failure', after: { failures, lockedUntil: until } });
    throw refused;
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  const actor: Actor = { kind: 'user', id: u.id, username: u.username, role: u.role as Role, unit: u.unit, scopes: u.scopes, address };
  await write(ctx, actor, async (trx, audit) => {
    await updateUser(trx, u.id, { failed_count: 0, locked_until: null });
    await insertSession(trx, {
      id: sha256(token),
      user_id: u.id,
      csrf_token: csrfToken,
      address,
      created_at: at,
      last_seen_at: at,
      absolute_expires_at: new Date(now.getTime() + settings.absoluteHours * 3_600_000).toISOString(),
    });
    await audit({ action: 'auth.signin', target: `user:${username}`, outcome: 'success' });
  });
  return { token, csrfToken, user: publicUser(u) };
}

/** The actor of a session token, or null when the session does not exist, expired (idle or absolute) or the user was disabled. */
export async function resolveSession(ctx: ServiceContext, token: string, address: string | null, settings = DEFAULT_SECURITY): Promise<{ actor: Extract<Actor, { kind: 'user' }>; csrfToken: string; mustChangePassword: boolean } | null> {
  const db = ctx.db.kysely;
  const id = sha256(token);
  const s = await findSession(db, id);
  if (!s) return null;
  const now = ctx.now();
  const idleLimit = new Date(new Date(s.last_seen_at).getTime() + settings.idleMinutes * 60_000);
  if (now > idleLimit || now.toISOString() > s.absolute_expires_at) {
    await deleteSession(db, id);
    return null;
  }
  const u = await findUserById(db, s.user_id);
  if (!u || u.disabled === 1) {
    await deleteSession(db, id);
    return null;
  }
  // Write the last-seen time at most once a minute.
  if (now.getTime() - new Date(s.last_seen_at).getTime() > 60_000) await touchSession(db, id, now.toISOString());
  return {
    actor: { kind: 'user', id: u.id, username: u.username, role: u.role as Role, unit: u.unit, scopes: u.scopes, address },
    csrfToken: s.csrf_token,
    mustChangePassword: u.must_change_password === 1,
  };
}

/** Ends a session on the server. */
export async function signOut(ctx: ServiceContext, actor: Actor, token: string): Promise<void> {
  await write(ctx, actor, async (trx, audit) => {
    await deleteSession(trx, sha256(token));
    await audit({ action: 'auth.signout', target: actor.kind === 'user' ? `user:${actor.username}` : null, outcome: 'success' });
  });
}

/** Changes one's own password (policy, no reuse of the last 3); ends the user's other sessions. */
export async function changePassword(ctx: ServiceContext, actor: Actor, username: string, current: string | null, next: string, settings = DEFAULT_SECURITY): Promise<void> {
  const u = await findUserByName(ctx.db.kysely, username);
  if (!u) throw new EcoplanError('not_found', `用户 ${username} 不存在`, 'No such user');
  const self = actor.kind === 'user' && actor.id === u.id;
  if (!self) await requireAccess(ctx, actor, 'user.manage', {}, `user:${username}`);
  if (self && (current === null || !(await verifyPassword(current, u.password_hash)))) {
    throw new EcoplanError('unauthenticated', '当前密码不正确', 'The current password is wrong');
  }
  const problems = passwordProblems(next, username);
  if (problems.length) throw invalid(problems.join('；'), 'The password does not meet the policy', 'password');
  const history = JSON.parse(u.password_history) as string[];
  for (const old of [u.password_hash, ...history].slice(0, settings.historySize)) {
    if (await verifyPassword(next, old)) throw invalid(`不能使用最近 ${settings.historySize} 次用过的密码`, 'A recent password cannot be reused', 'password');
  }
  const hash = await hashPassword(next);
  await write(ctx, actor, async (trx, audit, at) => {
    await updateUser(trx, u.id, {
      password_hash: hash,
      password_history: JSON.stringify([u.password_hash, ...history].slice(0, settings.historySize)),
      must_change_password: self ? 0 : 1,
      updated_at: at,
    });
    await deleteUserSessions(trx, u.id);
    await audit({ action: 'user.password', target: `user:${username}`, outcome: 'success', after: { by: self ? 'self' : 'admin' } });
  });
}

/** Whether any account exists yet. */
export async function hasUsers(ctx: ServiceContext): Promise<boolean> {
  return (await countUsers(ctx.db.kysely)) > 0;
}
