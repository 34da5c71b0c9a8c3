/**
 * Renders an ECharts option to SVG on the server (ECharts' own SSR renderer) and to PNG (resvg, with the
 * Noto CJK fonts from Debian's fonts-noto-cjk) for embedding in Word and PDF reports.
 */
import { existsSync } from 'node:fs';
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import type { ChartOption } from '../charts/options.js';

const FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
].filter((f) => existsSync(f));

/** Renders an option to an SVG string of the given size (CSS pixels). */
export function chartSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Renders an option to PNG bytes at `scale` × the size (2 gives print quality at the size in the document). */
export function chartPng(option: ChartOption, width: number, height: number, scale = 2): Buffer {
  const svg = chartSvg(option, width, height);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { fontFiles: FONT_FILES, loadSystemFonts: FONT_FILES.length === 0, defaultFontFamily: 'Noto Sans CJK SC' },
  });
  return Buffer.from(resvg.render().asPng());
}
