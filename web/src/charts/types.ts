/** A plain ECharts option object (what `setOption` takes); the chart builders return these. */
export type ChartOption = Record<string, unknown>;

/** The font stack of the charts: the CJK fonts of the machines (no web fonts: the CSP forbids them). */
export const CHART_FONT = { fontFamily: 'Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif' };
