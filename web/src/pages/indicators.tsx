/**
 * 指标: the indicator table as the plan prints it (category, name, unit, baseline, target, attribute) with
 * the latest value and its status and reason; filters by category, status and attribute.
 */
import { useMemo, useState } from 'react';
import { Card, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { STATUSES, type Status } from '../api.js';
import { ApiErrorAlert } from '../components/api-error.js';
import { PageTitle } from '../components/page-title.js';
import { StatusTag } from '../components/tags.js';
import { useLoad } from '../components/use-load.js';
import { loadPlanStatus } from '../data.js';
import { formatNumber, formatUnit, formatYear, paren } from '../format.js';
import { attributeName, statusName } from '../i18n.js';
import { categoriesOf, filterIndicatorRows, mergedSpans, type IndicatorFilter, type IndicatorRow } from '../model/indicators.js';
import { navigate } from '../router.js';
import { useI18n } from '../use-i18n.js';
import type { RegionPageProps } from '../page-props.js';

/** The indicators screen. */
export function IndicatorsPage({ plan }: RegionPageProps) {
  const region = plan.region.code;
  const { t, lang } = useI18n();
  const { data, error, loading } = useLoad(() => loadPlanStatus(region), [region]);
  const [filter, setFilter] = useState<IndicatorFilter>({});
  const [year, setYear] = useState<number | 'latest'>('latest');

  const rows: IndicatorRow[] = useMemo(() => {
    if (!data) return [];
    const chosen = year === 'latest' ? null : data.years.find((a) => a.year === year);
    return data.plan.indicators.map((indicator) => ({
      indicator,
      latest: chosen ? chosen.indicators.find((x) => x.seq === indicator.seq) : data.latest.get(indicator.seq),
    }));
  }, [data, year]);
  const shown = useMemo(() => filterIndicatorRows(rows, filter), [rows, filter]);
  const spans = useMemo(() => mergedSpans(shown, (r) => r.indicator.category), [shown]);

  if (error) return <ApiErrorAlert error={error} />;
  if (loading || !data) return <Spin />;
  const categories = categoriesOf(data.plan.indicators);

  return (
    <div data-testid="indicators">
      <PageTitle title={t('indicatorTable')} subtitle={data.plan.title} />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label={t('filterCategory')}
            placeholder={t('filterCategory')}
            allowClear
            style={{ minWidth: 180 }}
            value={filter.category}
            onChange={(v?: string) => setFilter((f) => ({ ...f, category: v }))}
            options={categories.map((c) => ({ value: c, label: c }))}
          />
          <Select
            aria-label={t('filterStatus')}
            placeholder={t('filterStatus')}
            allowClear
            style={{ minWidth: 140 }}
            value={filter.status}
            onChange={(v?: Status) => setFilter((f) => ({ ...f, status: v }))}
            options={STATUSES.map((s) => ({ value: s, label: statusName(s, lang) }))}
            data-testid="filter-status"
          />
          <Select
            aria-label={t('filterAttribute')}
            placeholder={t('filterAttribute')}
            allowClear
            style={{ minWidth: 120 }}
            value={filter.attribute}
            onChange={(v?: 'binding' | 'expected') => setFilter((f) => ({ ...f, attribute: v }))}
            options={[
              { value: 'binding', label: t('binding') },
              { value: 'expected', label: t('expected') },
            ]}
          />
          <Select
            aria-label={t('year')}
            style={{ minWidth: 110 }}
            value={year}
            onChange={(v: number | 'latest') => setYear(v)}
            options={[{ value: 'latest', label: t('latest') }, ...[...data.years].sort((a, b) => a.year - b.year).map((a) => ({ value: a.year, label: formatYear(a.year, lang) }))]}
          />
          <Typography.Text type="secondary">{t('showingN', { n: shown.length })}</Typography.Text>
        </Space>
        <Table<IndicatorRow>
          size="small"
          bordered
          rowKey={(r) => r.indicator.seq}
          dataSource={shown}
          pagination={false}
          scroll={{ x: 1100 }}
          data-testid="indicator-table"
          columns={[
            {
              title: t('category'),
              key: 'category',
              width: 110,
              onCell: (_r, i) => ({ rowSpan: spans[i ?? 0] ?? 1 }),
              render: (_v, r) => r.indicator.category,
            },
            { title: t('seq'), key: 'seq', width: 56, align: 'center', render: (_v, r) => r.indicator.seq },
            {
              title: t('indicatorName'),
              key: 'name',
              width: 260,
              render: (_v, r) => (
                <a onClick={() => navigate({ name: 'indicator', region, seq: r.indicator.seq })} data-testid={`indicator-link-${r.indicator.seq}`}>
                  {r.indicator.printedName ?? r.indicator.name}
                </a>
              ),
            },
            { title: t('unit'), key: 'unit', width: 80, render: (_v, r) => formatUnit(r.indicator.unit) || r.indicator.unit || '—' },
            { title: `${t('baseline')}${paren(data.plan.period.baseline, lang)}`, key: 'baseline', width: 100, align: 'right', render: (_v, r) => r.indicator.baseline.text },
            { title: `${t('target')}${paren(data.plan.period.end, lang)}`, key: 'target', width: 120, align: 'right', render: (_v, r) => r.indicator.target.text },
            {
              title: t('attribute'),
              key: 'attribute',
              width: 80,
              align: 'center',
              render: (_v, r) => (r.indicator.binding ? <Tag color="red">{attributeName(true, lang)}</Tag> : <Tag>{attributeName(false, lang)}</Tag>),
            },
            {
              title: t('latestValue'),
              key: 'value',
              width: 120,
              align: 'right',
              render: (_v, r) =>
                r.latest && r.latest.value !== null ? (
                  <span>
                    <strong>{formatNumber(r.latest.value)}</strong> <Typography.Text type="secondary">{formatYear(r.latest.year, lang)}</Typography.Text>
                  </span>
                ) : (
                  '—'
                ),
            },
            {
              title: t('status'),
              key: 'status',
              width: 100,
              align: 'center',
              render: (_v, r) => (r.latest ? <StatusTag status={r.latest.status} /> : null),
            },
            {
              title: t('reason'),
              key: 'reason',
              render: (_v, r) => <Typography.Text style={{ fontSize: 12 }}>{r.latest?.reason}</Typography.Text>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
