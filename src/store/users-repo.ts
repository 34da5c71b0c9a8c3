/**
 * SQL for accounts and sessions.
 */
import type { Executor } from './plans-repo.js';
import type { SessionTable, UserRow } from './schema.js';

/** A user with their scopes. */
export type UserWithScopes = UserRow & { scopes: string[] };

async function withScopes(db: Executor, u: UserRow | undefined): Promise<UserWithScopes | undefined> {
  if (!u) return undefined;
  const scopes = await db.selectFrom('user_scopes').select('region_code').where('user_id', '=', u.id).orderBy('region_code').execute();
  return { ...u, scopes: scopes.map((s) => s.region_code) };
}

/** Finds a user by name. */
export async function findUserByName(db: Executor, username: string): Promise<UserWithScopes | undefined> {
  return withScopes(db, await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst());
}

/** Finds a user by id. */
export async function findUserById(db: Executor, id: number): Promise<UserWithScopes | undefined> {
  return withScopes(db, await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst());
}

/** All users, by name. */
export async function listUsers(db: Executor): Promise<UserWithScopes[]> {
  const users = await db.selectFrom('users').selectAll().orderBy('username').execute();
  const scopes = await db.selectFrom('user_scopes').selectAll().execute();
  return users.map((u) => ({ ...u, scopes: scopes.filter((s) => s.user_id === u.id).map((s) => s.region_code) }));
}

/** Inserts a user with scopes; returns the id. */
export async function insertUser(
  db: Executor,
  u: { username: string; displayName: string; passwordHash: string; role: string; unit: string | null; mustChange: boolean; at: string },
  scopes: string[],
): Promise<number> {
  const r = await db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      password_history: '[]',
      role: u.role,
      unit: u.unit,
      must_change_password: u.mustChange ? 1 : 0,
      disabled: 0,
      failed_count: 0,
      locked_until: null,
      created_at: u.at,
      updated_at: u.at,
      row_version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const s of [...new Set(scopes)]) await db.insertInto('user_scopes').values({ user_id: r.id, region_code: s }).execute();
  return r.id;
}

/** Updates sign-in bookkeeping or account fields. */
export async function updateUser(
  db: Executor,
  id: number,
  set: Partial<Pick<UserRow, 'password_hash' | 'password_history' | 'must_change_password' | 'disabled' | 'failed_count' | 'locked_until' | 'role' | 'unit' | 'display_name' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('users').set(set).where('id', '=', id).execute();
}

/** Replaces a user's scopes. */
export async function setUserScopes(db: Executor, id: number, scopes: string[]): Promise<void> {
  await db.deleteFrom('user_scopes').where('user_id', '=', id).execute();
  for (const s of [...new Set(scopes)]) await db.insertInto('user_scopes').values({ user_id: id, region_code: s }).execute();
}

/** Stores a new session. */
export async function insertSession(db: Executor, s: SessionTable): Promise<void> {
  await db.insertInto('sessions').values(s).execute();
}

/** Finds a session by the hash of its token. */
export async function findSession(db: Executor, id: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a session as used now. */
export async function touchSession(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** Ends one session. */
export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user. */
export async function deleteUserSessions(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Counts users (to tell a fresh installation). */
export async function countUsers(db: Executor): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}
