/**
 * The texts that appear inside the charts, in the UI language. Pure, so a server can render the same charts.
 */
import { STATUSES, type Status } from '../api.js';
import { statusName, translate, type Lang } from '../i18n.js';

/** Texts used inside charts. */
export interface ChartLabels {
  lang: Lang;
  binding: string;
  expected: string;
  value: string;
  target: string;
  schedule: string;
  planned: string;
  invested: string;
  unitWan: string;
  statuses: Record<Status, string>;
  aqiLevels: readonly string[];
  aqi: string;
}

/** The chart texts of a language. */
export function chartLabels(lang: Lang): ChartLabels {
  return {
    lang,
    binding: translate(lang, 'binding'),
    expected: translate(lang, 'expected'),
    value: translate(lang, 'valueSeries'),
    target: translate(lang, 'target'),
    schedule: translate(lang, 'expectedValue'),
    planned: translate(lang, 'plannedInvestment'),
    invested: translate(lang, 'investedAmount'),
    unitWan: lang === 'en' ? '10k yuan' : '万元',
    statuses: Object.fromEntries(STATUSES.map((s) => [s, statusName(s, lang)])) as Record<Status, string>,
    aqiLevels: lang === 'en' ? ['Excellent', 'Good', 'Light', 'Moderate', 'Heavy', 'Severe'] : ['优', '良', '轻度污染', '中度污染', '重度污染', '严重污染'],
    aqi: 'AQI',
  };
}
