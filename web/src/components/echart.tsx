/**
 * Renders an ECharts option (from src/charts) with the SVG renderer, resizing with its box. Only the chart
 * types and components ecoplan uses are bundled.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { CalendarComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from '../charts/types.js';

echarts.use([BarChart, LineChart, HeatmapChart, PieChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, VisualMapComponent, CalendarComponent, MarkLineComponent, SVGRenderer]);

/** Props of EChart. */
export interface EChartProps {
  option: ChartOption;
  height?: number;
  /** Accessible description of the chart. */
  label?: string;
  testId?: string;
}

/** A chart box. */
export function EChart({ option, height = 300, label, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = c;
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => c.resize()) : null;
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
