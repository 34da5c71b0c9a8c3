/**
 * What the signed-in user may see and do, to hide what a role cannot do. The rule is the server's own
 * (`can` in src/domain/access.ts, pure and shared with the browser build); the server still decides every
 * request.
 */
import { can, unitMatches, type Operation } from '../../src/domain/access.js';
import type { User } from './api.js';

export { unitMatches };
export type { Operation };

/** A region as the access rules see it. */
export interface RegionRef {
  code: string;
  cityCode: string;
  provinceCode?: string;
}

/** Whether the user may perform the operation on the region (and, for department work, the unit). */
export function allowed(user: Pick<User, 'role' | 'scopes' | 'unit'>, op: Operation, region?: RegionRef, unit?: string | null): boolean {
  return can({ kind: 'user', id: 0, username: '', role: user.role, unit: user.unit, scopes: user.scopes, address: null }, op, { region, unit });
}

/** Whether a role works on plans (reads plans at all), as opposed to the administrator and the auditor. */
export function worksOnPlans(role: User['role']): boolean {
  return role === 'editor' || role === 'clerk' || role === 'reviewer';
}

/**
 * Whether the user may try a unit-scoped operation somewhere in the region: an editor always, a clerk of
 * the region when it has a unit (each row is then decided with `allowed` and the row's unit).
 */
export function mayTryUnitWork(user: Pick<User, 'role' | 'scopes' | 'unit'>, op: 'value.write' | 'project.update' | 'commitment.update', region: RegionRef): boolean {
  if (user.role === 'clerk') return allowed(user, 'plan.read', region) && !!user.unit;
  return allowed(user, op, region);
}
