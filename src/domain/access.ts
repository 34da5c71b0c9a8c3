/**
 * Who may do what: the roles, their scopes and the one function that decides. Services call `can` on every
 * read and write of non-public data; nothing else decides access. Pure: no I/O.
 */

/** The roles. */
export const ROLES = ['admin', 'auditor', 'editor', 'clerk', 'reviewer'] as const;
/** A role. */
export type Role = (typeof ROLES)[number];

/** Chinese names of the roles. */
export const ROLE_ZH: Record<Role, string> = {
  admin: '系统管理员',
  auditor: '审计员',
  editor: '分局编辑',
  clerk: '部门填报',
  reviewer: '市级审核',
};

/** Who is acting: a signed-in user, or the local operator at the command line (trusted, still audited). */
export type Actor =
  | { kind: 'user'; id: number; username: string; role: Role; unit: string | null; scopes: readonly string[]; address: string | null }
  | { kind: 'system'; name: string; address: null };

/** The operations that access is decided for. */
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

/** What an operation touches: the region (with its city and province) and, where it has one, the responsible unit. */
export interface Resource {
  region?: { code: string; cityCode: string; provinceCode?: string };
  unit?: string | null;
}

/** The name an actor is recorded under in the audit trail and provenance. */
export function actorName(actor: Actor): string {
  return actor.kind === 'user' ? actor.username : actor.name;
}

function inScope(actor: Extract<Actor, { kind: 'user' }>, r: Resource): boolean {
  if (!r.region) return false;
  const { code, cityCode, provinceCode } = r.region;
  return actor.scopes.some((s) => s === code || s === cityCode || (provinceCode !== undefined && s === provinceCode));
}

/** Decides whether the actor may perform the operation on the resource. */
export function can(actor: Actor, op: Operation, r: Resource = {}): boolean {
  if (actor.kind === 'system') return true;
  switch (actor.role) {
    case 'admin':
      return op === 'user.manage';
    case 'auditor':
      return op === 'audit.read';
    case 'editor':
      return ['plan.read', 'value.write', 'project.update', 'project.adjust', 'commitment.update', 'data.import', 'publish'].includes(op) && inScope(actor, r);
    case 'clerk':
      if (op === 'plan.read') return inScope(actor, r);
      if (op === 'value.write' || op === 'project.update' || op === 'commitment.update') {
        return inScope(actor, r) && !!actor.unit && !!r.unit && unitMatches(actor.unit, r.unit);
      }
      return false;
    case 'reviewer':
      return ['plan.read', 'target.assign', 'publish'].includes(op) && inScope(actor, r);
  }
}

/** A department's unit matches a responsible-unit field that may name several units (、，, ；/). */
export function unitMatches(unit: string, responsible: string): boolean {
  return responsible
    .split(/[、，,；;/\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .includes(unit.trim());
}
