import { describe, it, expect } from 'vitest';
import { can, type Operation as DomainOperation } from '../../src/domain/access.js';
import { ROLES } from './api.js';
import { allowed, mayTryUnitWork, unitMatches, worksOnPlans, type Operation } from './permissions.js';

const OPS: Operation[] = ['plan.read', 'value.write', 'target.assign', 'project.update', 'project.adjust', 'commitment.update', 'data.import', 'publish', 'audit.read', 'user.manage'];
const REGIONS = [
  { code: '430602', cityCode: '430600', provinceCode: '430000' },
  { code: '430902', cityCode: '430900', provinceCode: '430000' },
];
const SCOPES = [[], ['430602'], ['430600'], ['430000'], ['430902', '430602']];
const UNITS = [null, '区水利局', '区住建局、区水利局', '区农业农村局'];

describe('what the UI shows agrees with the server rule (src/domain/access.ts)', () => {
  it('for every role, scope, operation, region and unit', () => {
    let checked = 0;
    for (const role of ROLES)
      for (const scopes of SCOPES)
        for (const userUnit of [null, '区水利局'])
          for (const op of OPS)
            for (const region of REGIONS)
              for (const unit of UNITS) {
                const user = { role, scopes, unit: userUnit };
                const server = can({ kind: 'user', id: 1, username: 'u', role, unit: userUnit, scopes, address: null }, op as DomainOperation, { region, unit });
                expect(allowed(user, op, region, unit), `${role} ${scopes.join('+')} ${userUnit} ${op} ${region.code} ${unit}`).toBe(server);
                checked++;
              }
    expect(checked).toBe(5 * 5 * 2 * 10 * 2 * 4);
  });
});

describe('unit matching and plan roles', () => {
  it('matches a unit among several named in one cell', () => {
    expect(unitMatches('区水利局', '区住建局、区水利局')).toBe(true);
    expect(unitMatches('区水利局', '区水利局/区农业农村局')).toBe(true);
    expect(unitMatches('区水利', '区水利局')).toBe(false);
  });

  it('knows which roles work on plans and where a clerk may try unit work', () => {
    expect(ROLES.filter(worksOnPlans)).toEqual(['editor', 'clerk', 'reviewer']);
    const region = REGIONS[0]!;
    expect(mayTryUnitWork({ role: 'clerk', scopes: ['430602'], unit: '区水利局' }, 'value.write', region)).toBe(true);
    expect(mayTryUnitWork({ role: 'clerk', scopes: ['430902'], unit: '区水利局' }, 'value.write', region)).toBe(false);
    expect(mayTryUnitWork({ role: 'reviewer', scopes: ['430600'], unit: null }, 'project.update', region)).toBe(false);
    expect(mayTryUnitWork({ role: 'editor', scopes: ['430600'], unit: null }, 'project.update', region)).toBe(true);
  });
});
