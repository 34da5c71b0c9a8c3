/**
 * What the signed-in user may see and do, to hide what a role cannot do. This mirrors `can` in
 * src/domain/access.ts (a test checks the two agree); the server still decides every request.
 */
import type { Role, User } from './api.js';

/** The operations the UI shows or hides. */
export type Operation =
  | 'plan.read'
  | 'value.write'
  | 'target.assign'
  | 'project.update'
  | 'project.adjust'
  | 'commitment.update'
  | 'data.import'
  | 'publish'
  | 'audit.read'
  | 'user.manage';

/** A region as the access rules see it. */
export interface RegionRef {
  code: string;
  cityCode: string;
  provinceCode?: string;
}

/** A department's unit matches a responsible-unit field that may name several units (、，, ；/). */
export function unitMatches(unit: string, responsible: string): boolean {
  return responsible
    .split(/[、，,；;/\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .includes(unit.trim());
}

function inScope(user: Pick<User, 'scopes'>, region: RegionRef | undefined): boolean {
  if (!region) return false;
  return user.scopes.some((s) => s === region.code || s === region.cityCode || (region.provinceCode !== undefined && s === region.provinceCode));
}

/** Whether the user may perform the operation on the region (and, for department work, the unit). */
export function allowed(user: Pick<User, 'role' | 'scopes' | 'unit'>, op: Operation, region?: RegionRef, unit?: string | null): boolean {
  switch (user.role) {
    case 'admin':
      return op === 'user.manage';
    case 'auditor':
      return op === 'audit.read';
    case 'editor':
      return ['plan.read', 'value.write', 'project.update', 'project.adjust', 'commitment.update', 'data.import', 'publish'].includes(op) && inScope(user, region);
    case 'clerk':
      if (op === 'plan.read') return inScope(user, region);
      if (op === 'value.write' || op === 'project.update' || op === 'commitment.update') {
        return inScope(user, region) && !!user.unit && !!unit && unitMatches(user.unit, unit);
      }
      return false;
    case 'reviewer':
      return ['plan.read', 'target.assign', 'publish'].includes(op) && inScope(user, region);
  }
}

/** Whether a role works on plans (reads plans at all), as opposed to the administrator and the auditor. */
export function worksOnPlans(role: Role): boolean {
  return role === 'editor' || role === 'clerk' || role === 'reviewer';
}

/**
 * Whether the user may try a unit-scoped operation somewhere in the region: an editor always, a clerk
 * when the row's unit matches (decided per row with `allowed`).
 */
export function mayTryUnitWork(user: Pick<User, 'role' | 'scopes' | 'unit'>, op: 'value.write' | 'project.update' | 'commitment.update', region: RegionRef): boolean {
  if (user.role === 'clerk') return inScope(user, region) && !!user.unit;
  return allowed(user, op, region);
}
