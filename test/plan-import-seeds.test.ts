/**
 * Importing each seed plan's document reproduces the hand-transcribed plan in plans/: every printed
 * indicator and project field, and at least 90% of the hand-listed commitments — from the exported text and
 * from a real .docx built from it.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePlanYaml } from '../src/ingest/plan-file.js';
import { readPlanDocument } from '../src/services/plan-import.js';
import { Plan } from '../src/domain/plan-schema.js';
import { docxFromExportedText } from '../src/test-support/seed-docx.js';

const SEEDS = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const CASES = [
  { code: '430902', seed: '000_b9e0269eb07534c0.txt', yaml: '430902-ziyang.yaml' },
  { code: '430602', seed: '001_5fa55347ea5ea3b6.txt', yaml: '430602-yueyanglou.yaml' },
];

const INDICATOR_FIELDS = ['seq', 'category', 'subgroup', 'name', 'printedName', 'marks', 'unit', 'baseline', 'binding', 'attributeText'] as const;
const PROJECT_FIELDS = ['seq', 'category', 'code', 'name', 'location', 'startYear', 'endYear', 'content', 'investment'] as const;

function compare(hand: Plan, got: Plan): string[] {
  const diffs: string[] = [];
  const eq = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (got.indicators.length !== hand.indicators.length) diffs.push(`indicators: ${got.indicators.length} vs ${hand.indicators.length}`);
  hand.indicators.forEach((h, k) => {
    const g = got.indicators[k];
    for (const f of INDICATOR_FIELDS) if (!eq(h[f], g?.[f])) diffs.push(`indicator ${h.seq}.${f}: ${JSON.stringify(g?.[f])} ≠ ${JSON.stringify(h[f])}`);
    if (!eq(h.target, g?.target)) diffs.push(`indicator ${h.seq}.target: ${JSON.stringify(g?.target)} ≠ ${JSON.stringify(h.target)}`);
  });
  if (got.projects.length !== hand.projects.length) diffs.push(`projects: ${got.projects.length} vs ${hand.projects.length}`);
  hand.projects.forEach((h, k) => {
    const g = got.projects[k];
    for (const f of PROJECT_FIELDS) if (!eq(h[f], g?.[f])) diffs.push(`project ${h.seq}.${f}: ${JSON.stringify(g?.[f])} ≠ ${JSON.stringify(h[f])}`);
  });
  return diffs;
}

function commitmentsFound(hand: Plan, got: Plan): number {
  return hand.commitments.filter((h) => got.commitments.some((g) => g.deadline === h.deadline && (g.text.includes(h.text.slice(0, 12)) || h.text.includes(g.text.slice(0, 12))))).length;
}

describe.each(CASES)('importing the plan of $code', ({ code, seed, yaml }) => {
  const handText = readFileSync(new URL(`../plans/${yaml}`, import.meta.url), 'utf8');
  const hand = parsePlanYaml(handText, yaml);
  const text = readFileSync(`${SEEDS}${seed}`);

  it('from the exported text matches plans/ field by field', async () => {
    expect(hand.ok).toBe(true);
    if (!hand.ok) return;
    const d = await readPlanDocument(text, seed, code);
    expect(d.valid).toBe(true);
    const got = Plan.parse(d.plan);
    expect(compare(hand.plan, got)).toEqual([]);
    expect(got.title).toBe(hand.plan.title);
    expect(got.period).toMatchObject({ start: hand.plan.period.start, end: hand.plan.period.end, baseline: hand.plan.period.baseline });
    expect(commitmentsFound(hand.plan, got) / hand.plan.commitments.length).toBeGreaterThanOrEqual(0.9);
  });

  it('from a real .docx matches plans/ the same way', async () => {
    if (!hand.ok) return;
    const docx = await docxFromExportedText(text.toString('utf8'));
    const d = await readPlanDocument(docx, seed.replace('.txt', '.docx'), code);
    const got = Plan.parse(d.plan);
    expect(compare(hand.plan, got)).toEqual([]);
    expect(commitmentsFound(hand.plan, got) / hand.plan.commitments.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('hostile plan documents', () => {
  it('refuse cleanly', async () => {
    await expect(readPlanDocument(Buffer.from('PK\u0003\u0004garbage'), 'x.docx', '430902')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(readPlanDocument(Buffer.alloc(31 * 1024 * 1024), 'x.txt', '430902')).rejects.toMatchObject({ code: 'too_large' });
    await expect(readPlanDocument(Buffer.from('x'), 'x.pdf', '430902')).rejects.toMatchObject({ code: 'invalid_input' });
    // A text with no tables still yields a draft, flagged, that does not pass the schema (no indicators).
    const d = await readPlanDocument(Buffer.from('前言\n这是一段没有表格的文字。\n'), 'x.txt', '430902');
    expect(d.valid).toBe(false);
    expect(d.review.map((r) => r.path)).toContain('indicators');
  });
});
