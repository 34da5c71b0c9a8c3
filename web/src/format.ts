/**
 * Numbers, amounts, units and dates as Chinese government documents print them: thousands separators
 * (479,052 万元), at most two decimals, 2026年3月1日 in Chinese and ISO dates (2026-03-01) in English,
 * times in China Standard Time whatever the browser's zone. Pure functions.
 */
import type { Lang } from './i18n.js';

/** The dash printed for a missing value (as in the plans' tables). */
export const DASH = '—';

const numberFormats = new Map<number, Intl.NumberFormat>();

/** A number with thousands separators and at most `maxDecimals` decimals (no trailing zeros). */
export function formatNumber(n: number | null | undefined, maxDecimals = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return DASH;
  let f = numberFormats.get(maxDecimals);
  if (!f) {
    f = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: maxDecimals, useGrouping: true });
    numberFormats.set(maxDecimals, f);
  }
  const s = f.format(n);
  return s === '-0' ? '0' : s;
}

/** The unit of amounts: 万元 (10,000 yuan). */
export function wanUnit(lang: Lang): string {
  return lang === 'en' ? '10k yuan' : '万元';
}

/** An amount in 万元 (10,000 yuan), e.g. "479,052 万元" / "479,052 (10k yuan)". */
export function formatWan(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return DASH;
  return lang === 'en' ? `${formatNumber(n)} (10k yuan)` : `${formatNumber(n)} 万元`;
}

/** A unit as printed, with superscripts: "μg/m3" → "μg/m³"; "-" and "—" (no unit) → "". */
export function formatUnit(unit: string | null | undefined): string {
  if (!unit || unit === '-' || unit === DASH || unit === '/') return '';
  return unit.replace(/(k?m)3\b/g, '$1³').replace(/(k?m)2\b/g, '$1²');
}

/** A value with its unit: "92.1%", "36 μg/m³", "—" when missing. */
export function formatValue(value: number | null | undefined, unit: string | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const u = formatUnit(unit);
  if (!u) return formatNumber(value);
  if (u === '%' || u === '‰') return `${formatNumber(value)}${u}`;
  return `${formatNumber(value)} ${u}`;
}

/** A share in percent with one decimal: 0.5 → "50%"; 0.9255 → "92.6%". */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return DASH;
  return `${formatNumber(Math.round(share * 1000) / 10, 1)}%`;
}

/** A year: "2025年" in Chinese, "2025" in English. */
export function formatYear(year: number, lang: Lang): string {
  return lang === 'en' ? String(year) : `${year}年`;
}

/** A span of years: "2021—2025年" / "2021–2025". */
export function formatYears(start: number, end: number, lang: Lang): string {
  if (start === end) return formatYear(start, lang);
  return lang === 'en' ? `${start}–${end}` : `${start}—${end}年`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const shanghai = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function shanghaiParts(d: Date): { y: string; m: string; d: string; hh: string; mm: string } {
  const parts = Object.fromEntries(shanghai.formatToParts(d).map((p) => [p.type, p.value]));
  return { y: parts.year ?? '', m: parts.month ?? '', d: parts.day ?? '', hh: parts.hour ?? '', mm: parts.minute ?? '' };
}

/** A date (YYYY-MM-DD): "2026年3月1日" in Chinese, "2026-03-01" in English. Other text is returned as it is. */
export function formatDate(date: string | null | undefined, lang: Lang): string {
  if (!date) return DASH;
  const m = DATE_ONLY.exec(date);
  if (!m) {
    const t = new Date(date);
    if (Number.isNaN(t.getTime())) return date;
    const p = shanghaiParts(t);
    return lang === 'en' ? `${p.y}-${p.m}-${p.d}` : `${Number(p.y)}年${Number(p.m)}月${Number(p.d)}日`;
  }
  return lang === 'en' ? date : `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** A moment (ISO timestamp) in China Standard Time: "2026年3月1日 08:05" / "2026-03-01 08:05". */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return DASH;
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const p = shanghaiParts(t);
  const day = lang === 'en' ? `${p.y}-${p.m}-${p.d}` : `${Number(p.y)}年${Number(p.m)}月${Number(p.d)}日`;
  return `${day} ${p.hh}:${p.mm}`;
}

/** A parenthesised note: full-width "（…）" in Chinese, " (…)" in English. */
export function paren(text: string | number, lang: Lang): string {
  return lang === 'en' ? ` (${text})` : `（${text}）`;
}

/** The colon after a label: "：" in Chinese, ": " in English. */
export function colon(lang: Lang): string {
  return lang === 'en' ? ': ' : '：';
}
