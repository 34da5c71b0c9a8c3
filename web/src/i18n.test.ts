import { describe, it, expect } from 'vitest';
import { attributeName, changeKindName, commitmentStatusName, initialLang, lightName, MESSAGES, projectStatusName, roleName, stageName, statusName, storeLang, translate, LANG_STORAGE_KEY } from './i18n.js';
import { STATUSES } from './api.js';

describe('the message tables', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    const zh = Object.keys(MESSAGES.zh).sort();
    const en = Object.keys(MESSAGES.en).sort();
    expect(en).toEqual(zh);
    for (const lang of ['zh', 'en'] as const) for (const [k, v] of Object.entries(MESSAGES[lang])) expect(v.trim(), `${lang}.${k}`).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(MESSAGES.zh) as (keyof typeof MESSAGES.zh)[]) expect(holes(MESSAGES.en[k]), k).toEqual(holes(MESSAGES.zh[k]));
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(translate('zh', 'overdueN', { n: 3 })).toBe('逾期 3 项');
    expect(translate('en', 'overdueN', { n: 3 })).toBe('3 overdue');
    expect(translate('zh', 'yearOutOfRange', { min: 2020, max: 2025 })).toBe('年份应在 2020—2025 年之间');
    expect(translate('zh', 'overdueN')).toBe('逾期 {n} 项');
  });
});

describe('names of statuses, lights, stages and roles', () => {
  it('keep the Chinese names and translate them to English', () => {
    // The Chinese names are those of src/domain/assessment.ts and src/domain/projects.ts; the English ones are
    // their STATUS_EN / LIGHT_EN.
    expect(STATUSES.map((s) => statusName(s, 'zh'))).toEqual(['达标', '序时达标', '滞后', '未达标', '无数据', '待定']);
    expect(STATUSES.map((s) => statusName(s, 'en'))).toEqual(['Met', 'On schedule', 'Behind schedule', 'Not met', 'No data', 'Pending']);
    expect(lightName('逾期', 'en')).toBe('Overdue');
    expect(lightName('未到开工期', 'zh')).toBe('未到开工期');
    expect(commitmentStatusName('逾期完成', 'en')).toBe('Done late');
    expect(projectStatusName('在建', 'en')).toBe('Under construction');
    expect(changeKindName('调入', 'en')).toBe('Added');
    expect(stageName('midterm', 'zh')).toBe('中期评估');
    expect(stageName('final', 'en')).toBe('Final assessment');
    expect(roleName('reviewer', 'zh')).toBe('市级审核');
    expect(attributeName(true, 'zh')).toBe('约束性');
    expect(attributeName(false, 'en')).toBe('Expected');
  });
});

describe('the language choice', () => {
  it('starts in Chinese and remembers English', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(initialLang(storage)).toBe('zh');
    storeLang(storage, 'en');
    expect(store.get(LANG_STORAGE_KEY)).toBe('en');
    expect(initialLang(storage)).toBe('en');
    expect(initialLang(null)).toBe('zh');
    const broken = { getItem: () => { throw new Error('denied'); } };
    expect(initialLang(broken)).toBe('zh');
  });
});
