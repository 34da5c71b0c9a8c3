/**
 * Small plans for service tests, made of real rows of the two seed plans (the full plans are in plans/ and
 * are tested against the seed text in test/). Row sources are cited per entry.
 */
import { Plan, type PlanInput } from '../domain/plan-schema.js';

const hunan = { code: '430000', name: '湖南省' };

/** Part of 资阳区's plan: 表2 rows 1, 4, 7, 9, 17, 19; annex projects 1–3; two dated commitments. */
export const ZIYANG: Plan = Plan.parse({
  format: 'ecoplan/plan@1',
  region: { code: '430902', name: '资阳区', fullName: '益阳市资阳区', city: { code: '430900', name: '益阳市' }, province: hunan },
  title: '益阳市资阳区“十四五”生态环境保护规划',
  period: { start: 2021, end: 2025, baseline: 2020 },
  indicators: [
    { seq: 1, category: '应对气候变化', name: '单位地区生产总值二氧化碳排放降低', unit: '%', baseline: { value: 18, text: '18' }, target: { kind: 'assigned', text: '完成市定目标' }, direction: 'higher', binding: true, attributeText: '约束性' },
    { seq: 4, category: '环境治理', name: '城市PM2.5年平均浓度下降', printedName: '城市PM2.5年平均浓度下降*', marks: ['*'], unit: '%', baseline: { value: 6.5, text: '6.5' }, target: { kind: 'assigned', text: '完成市定目标' }, direction: 'higher', binding: true, attributeText: '约束性' },
    { seq: 7, category: '环境治理', name: '国省控断面地表水质量达到或优于Ⅲ类水体比例', unit: '%', baseline: { value: 100, text: '100' }, target: { kind: 'assigned', text: '完成市定目标' }, direction: 'higher', binding: true, attributeText: '约束性', responsibleUnit: '区水利局', metric: { id: 'water.sectionsClassIIIOrBetterRatio' } },
    { seq: 9, category: '环境治理', name: '城市生活污水集中收集率', unit: '%', baseline: { value: null, text: '-' }, target: { kind: 'atLeast', value: 70, text: '70' }, direction: 'higher', binding: false, attributeText: '预期性', responsibleUnit: '区住建局' },
    { seq: 17, category: '环境治理', name: '生态质量指数（新EI）', unit: '-', baseline: { value: null, text: '-' }, target: { kind: 'improving', text: '稳中向好' }, direction: 'higher', binding: false, attributeText: '预期性' },
    { seq: 19, category: '生态保护', name: '生态保护红线占国土面积比例', unit: '%', baseline: { value: 22.59, text: '22.59' }, target: { kind: 'noDecrease', text: '不降低' }, direction: 'higher', binding: false, attributeText: '预期性' },
  ],
  projects: [
    { seq: 1, category: '水生态环境提升类', code: '1', name: '资水尾闾水环境治理工程', location: '资阳区', startYear: 2022, endYear: 2025, content: '茈湖口镇柘头河村至明朗长6公里宽200米河道清淤、生态护坡、恢复洲滩植被等', investment: 4800, leadUnit: '区水利局' },
    { seq: 2, category: '水生态环境提升类', code: '2', name: '资阳区水土保持生态清洁小流域建设工程', location: '资阳区', startYear: 2021, endYear: 2025, content: '新桥河、迎风桥、长春及民主垸等四个片区的封育保护等', investment: 15700 },
    { seq: 3, category: '水生态环境提升类', code: '3', name: '资阳区长春垸重点流域水生态保护及修复工程', location: '资阳区', startYear: 2022, endYear: 2025, content: '完成南门湖、先锋湖、黄家湖及迎丰水库湖泊岸线保护等', investment: 72000 },
  ],
  commitments: [
    { seq: 1, section: '五、（二）', text: '2021年底前完成农村“千人”饮用水源保护区划分。', action: '完成农村“千人”饮用水源保护区划分', deadline: '2021-12-31', deadlineText: '2021年底前', leadUnit: '区水利局' },
    { seq: 2, section: '十一、（一）', text: '到2023年，区执法机构全部完成标准化建设。', action: '区执法机构全部完成标准化建设', deadline: '2023-12-31', deadlineText: '到2023年' },
  ],
} satisfies PlanInput);

/** Part of 岳阳楼区's plan: 表2 rows 1–2 (PM2.5 36 → 34; 优良天数比例 92.1 → 90.9). */
export const YUEYANGLOU: Plan = Plan.parse({
  format: 'ecoplan/plan@1',
  region: { code: '430602', name: '岳阳楼区', fullName: '岳阳市岳阳楼区', city: { code: '430600', name: '岳阳市' }, province: hunan },
  title: '岳阳市岳阳楼区“十四五”生态环境保护规划',
  period: { start: 2021, end: 2025, baseline: 2020 },
  indicators: [
    { seq: 1, category: '环境质量改善', subgroup: '空气环境质量', name: '细颗粒物（PM2.5）浓度', unit: 'μg/m3', baseline: { value: 36, text: '36' }, target: { kind: 'atMost', value: 34, text: '34' }, direction: 'lower', binding: true, attributeText: '约束性', metric: { id: 'air.pm25.annualMean', stations: ['1848A'] } },
    { seq: 2, category: '环境质量改善', subgroup: '空气环境质量', name: '城市空气质量优良天数比例（城陵矶站点）', unit: '%', baseline: { value: 92.1, text: '92.1' }, target: { kind: 'atLeast', value: 90.9, text: '90.9' }, direction: 'higher', binding: true, attributeText: '约束性', metric: { id: 'air.goodDaysRatio', stations: ['1848A', '1849A'] } },
  ],
  projects: [],
} satisfies PlanInput);
