/**
 * The plan file format: a district's five-year ecological-environment protection plan as data.
 *
 * This zod schema is the format's single definition; docs/plan-format.md explains it field by field.
 * Plan files are YAML (plans/*.yaml) and are validated with `parsePlan` before anything is stored.
 */
import { z } from 'zod';

/** A place in the source document a field was read from (the exported text's line number and the printed text). */
export const SourceRef = z.object({
  line: z.number().int().positive().optional(),
  text: z.string().optional(),
});

/** Which way is better for an indicator's value. */
export const Direction = z.enum(['higher', 'lower']);
export type Direction = z.infer<typeof Direction>;

const printed = z.string().describe('the target cell exactly as printed');

/**
 * A typed target. `text` always keeps what the plan printed (e.g. "完成市定目标", "不降低", "≥90.9").
 * - atLeast / atMost: a value the indicator must reach (higher-is-better / lower-is-better);
 * - reduceBy: the indicator's value must fall by `percent` % versus the baseline;
 * - noDecrease: 不降低 — never below the baseline;
 * - improving: 稳中向好 — each year no worse than the year before;
 * - assigned: 完成市定目标 / 市级下达指标 — the city sets the value later (see TargetAssignment);
 * - qualitative: 安全可控, 巩固提升 — judged by a person with evidence.
 */
export const Target = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('atLeast'), value: z.number(), text: printed }),
  z.object({ kind: z.literal('atMost'), value: z.number(), text: printed }),
  z.object({ kind: z.literal('reduceBy'), percent: z.number().positive().max(100), text: printed }),
  z.object({ kind: z.literal('noDecrease'), text: printed }),
  z.object({ kind: z.literal('improving'), text: printed }),
  z.object({ kind: z.literal('assigned'), text: printed }),
  z.object({ kind: z.literal('qualitative'), text: printed }),
]);
export type Target = z.infer<typeof Target>;
export type TargetKind = Target['kind'];

/** A value as printed in the plan: the number when it is one, and the printed text always ("-", "—", "完成市级下达指标", "18"). */
export const PrintedValue = z.object({
  value: z.number().nullable(),
  text: z.string(),
});
export type PrintedValue = z.infer<typeof PrintedValue>;

/** The metric that computes an indicator from monitoring data, and the stations or sections it covers. */
export const MetricBinding = z.object({
  id: z.string().regex(/^[a-z]+(\.[A-Za-z0-9]+)+$/),
  stations: z.array(z.string()).optional(),
  sections: z.array(z.string()).optional(),
  note: z.string().optional(),
});
export type MetricBinding = z.infer<typeof MetricBinding>;

/** One indicator row of the plan's indicator table (表2). */
export const Indicator = z.object({
  seq: z.number().int().positive(),
  category: z.string().min(1),
  subgroup: z.string().optional(),
  name: z.string().min(1),
  printedName: z.string().optional().describe('the name with its footnote marks, as printed'),
  marks: z.array(z.enum(['*', '#', '△', '☐'])).default([]),
  unit: z.string().nullable(),
  baseline: PrintedValue,
  target: Target,
  direction: Direction,
  binding: z.boolean(),
  attributeText: z.string().describe('约束性 / 预期性 as printed (or inherited from a merged cell)'),
  notes: z.array(z.string()).default([]),
  responsibleUnit: z.string().optional(),
  metric: MetricBinding.optional(),
  source: SourceRef.optional(),
});
export type Indicator = z.infer<typeof Indicator>;

/** One key project of the project library (重点项目库). Investment in 万元 (10,000 yuan). */
export const Project = z.object({
  seq: z.number().int().positive(),
  category: z.string().min(1),
  code: z.string().optional().describe('the number printed in the project table, if any'),
  name: z.string().min(1),
  location: z.string().default(''),
  startYear: z.number().int().min(1990).max(2100),
  endYear: z.number().int().min(1990).max(2100),
  content: z.string().default(''),
  investment: z.number().nonnegative(),
  investmentText: z.string().optional().describe('the printed investment cell when it differs from the number'),
  leadUnit: z.string().optional(),
  flags: z.array(z.string()).default([]).describe('reviewer flags, e.g. an implausible printed value'),
  source: SourceRef.optional(),
});
export type Project = z.infer<typeof Project>;

/** A dated commitment (重点任务) stated in the plan's text. */
export const Commitment = z.object({
  seq: z.number().int().positive(),
  section: z.string().describe('the heading it stands under, e.g. 五、（二）'),
  text: z.string().min(1).describe('the sentence as printed'),
  action: z.string().min(1).describe('what must be done, in short'),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('the last day, e.g. 2021-12-31 for 2021年底前'),
  deadlineText: z.string().describe('the deadline as printed: 2021年底前, 到2023年'),
  targetText: z.string().optional().describe('a numeric target if one is named, e.g. 达到90%'),
  leadUnit: z.string().optional(),
  source: SourceRef.optional(),
});
export type Commitment = z.infer<typeof Commitment>;

/** A row of a historical results table (e.g. 表1 “十三五”规划主要指标完成情况). */
export const HistoryRow = z.object({
  seq: z.number().int().positive(),
  category: z.string().optional(),
  name: z.string(),
  unit: z.string().nullable(),
  cells: z.record(z.string(), z.string()).describe('the other columns by their printed header'),
});

/** The plan file. */
export const Plan = z
  .object({
    format: z.literal('ecoplan/plan@1'),
    region: z.object({
      code: z.string().regex(/^\d{6}$/),
      name: z.string().min(1),
      fullName: z.string().optional().describe('e.g. 益阳市资阳区'),
      city: z.object({ code: z.string().regex(/^\d{6}$/), name: z.string().min(1) }),
      province: z.object({ code: z.string().regex(/^\d{6}$/), name: z.string().min(1) }),
    }),
    title: z.string().min(1),
    period: z.object({
      start: z.number().int(),
      end: z.number().int(),
      baseline: z.number().int(),
      midterm: z.number().int().optional().describe('the mid-term evaluation year; default start + 2'),
    }),
    source: z.object({ document: z.string(), note: z.string().optional() }).optional(),
    scope: z
      .object({
        text: z.string().optional(),
        units: z.array(z.object({ name: z.string(), kind: z.string() })).default([]),
      })
      .default({ units: [] }),
    indicators: z.array(Indicator).min(1),
    projects: z.array(Project).default([]),
    investmentByCategory: z
      .array(z.object({ category: z.string(), amount: z.number().nonnegative() }))
      .optional()
      .describe("the plan's own investment table, to check the project list against"),
    engineering: z
      .array(z.object({ category: z.string(), items: z.array(z.string()) }))
      .optional()
      .describe('an engineering list such as 岳阳楼区 表3'),
    commitments: z.array(Commitment).default([]),
    history: z.object({ title: z.string(), columns: z.array(z.string()), rows: z.array(HistoryRow) }).optional(),
    notes: z.array(z.string()).default([]),
  })
  .superRefine((plan, ctx) => {
    if (!(plan.period.baseline < plan.period.start && plan.period.start <= plan.period.end)) {
      ctx.addIssue({ code: 'custom', path: ['period'], message: '规划期应满足 基准年 < 起始年 ≤ 终止年' });
    }
    const unique = (items: { seq: number }[], key: string) => {
      const seen = new Set<number>();
      items.forEach((it, i) => {
        if (seen.has(it.seq)) ctx.addIssue({ code: 'custom', path: [key, i, 'seq'], message: `序号 ${it.seq} 重复` });
        seen.add(it.seq);
      });
    };
    unique(plan.indicators, 'indicators');
    unique(plan.projects, 'projects');
    unique(plan.commitments, 'commitments');
    plan.projects.forEach((p, i) => {
      if (p.endYear < p.startYear) {
        ctx.addIssue({ code: 'custom', path: ['projects', i, 'endYear'], message: '竣工年份早于开工年份' });
      }
    });
  });
export type Plan = z.infer<typeof Plan>;
export type PlanInput = z.input<typeof Plan>;

/** The mid-term evaluation year of a plan (the plan text's 中期评估 year; start + 2 by default). */
export function midtermYear(plan: Pick<Plan, 'period'>): number {
  return plan.period.midterm ?? plan.period.start + 2;
}
