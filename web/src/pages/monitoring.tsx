/**
 * 监测: a year of air quality for the district or one of its plan's stations — the AQI calendar in the HJ 633
 * colours, days per level, monthly pollutant trends and the annual evaluation (GB 3095 / HJ 663) with
 * compliance. A year restated under the 2026 standards can be shown beside the standards in force.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Segmented, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { api } from '../api.js';
import { aqiCalendarOption } from '../charts/aqi-calendar.js';
import { AQI_LEVEL_COLORS, textOn } from '../charts/colors.js';
import { chartLabels } from '../charts/labels.js';
import { pollutantTrendOption } from '../charts/pollutant-trend.js';
import { ApiErrorAlert } from '../components/api-error.js';
import { EChart } from '../components/echart.js';
import { PageTitle } from '../components/page-title.js';
import { useLoad } from '../components/use-load.js';
import { colon, formatDateTime, formatNumber, formatYear, paren } from '../format.js';
import { calendarDays, evaluationFor, levelCounts, POLLUTANT_NAMES, readEvaluation, standardsOf, type EvaluationRow } from '../model/monitoring.js';
import { defaultYear } from '../model/plan.js';
import { allowed } from '../permissions.js';
import { navigate } from '../router.js';
import { useI18n } from '../use-i18n.js';
import type { RegionPageProps } from '../page-props.js';

/** The monitoring screen. */
export function MonitoringPage({ user, plan, initialYear }: RegionPageProps & { initialYear?: number }) {
  const region = plan.region.code;
  const { t, lang } = useI18n();
  const labels = useMemo(() => chartLabels(lang), [lang]);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(() => initialYear ?? defaultYear(plan.period, thisYear));
  const [station, setStation] = useState<string | undefined>(undefined);
  const [chosenStandard, setStandard] = useState<string | null>(null);
  const { data, error, loading } = useLoad(() => api.airMonitoring(region, year, station), [region, year, station]);
  const years: number[] = [];
  for (let y = plan.period.baseline; y <= Math.max(plan.period.end, thisYear); y++) years.push(y);
  const mayImport = allowed(user, 'data.import', { code: region, cityCode: plan.region.city.code });

  const standards = data ? standardsOf(data.daily) : [];
  const standard = chosenStandard && standards.includes(chosenStandard) ? chosenStandard : (standards[0] ?? null);
  const days = data && standard ? calendarDays(data.daily, standard) : [];
  const counts = data && standard ? levelCounts(data.daily, standard) : null;
  const months = data?.monthly.find((m) => m.standard === standard)?.months ?? [];
  const evaluation = data ? evaluationFor(data.evaluations, standard) : null;
  const summary = evaluation ? readEvaluation(evaluation.result) : null;

  return (
    <div data-testid="monitoring">
      <PageTitle
        title={t('monitoringTitle')}
        subtitle={plan.title}
        extra={
          <>
            <Select aria-label={t('year')} value={year} style={{ width: 110 }} onChange={(y: number) => setYear(y)} options={years.map((y) => ({ value: y, label: formatYear(y, lang) }))} />
            <Select
              aria-label={t('station')}
              value={station ?? ''}
              style={{ minWidth: 150 }}
              onChange={(v: string) => setStation(v || undefined)}
              options={[{ value: '', label: t('wholeDistrict') }, ...(data?.stations ?? []).map((s) => ({ value: s, label: `${t('station')} ${s}` }))]}
              data-testid="station-select"
            />
            {standards.length > 1 && <Segmented value={standard ?? undefined} onChange={(v) => setStandard(String(v))} options={standards} />}
            {mayImport && (
              <Button icon={<CloudUploadOutlined />} onClick={() => navigate({ name: 'import', region })}>
                {t('navImport')}
              </Button>
            )}
          </>
        }
      />
      {error ? (
        <ApiErrorAlert error={error} />
      ) : loading || !data ? (
        <Spin />
      ) : data.daily.length === 0 && data.evaluations.length === 0 ? (
        <Card>
          <Empty description={t('noMonitoring', { year: formatYear(year, lang) })} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24}>
            <Card size="small" title={`${t('aqiCalendar')} · ${formatYear(year, lang)}${standard ? ` · ${standard}` : ''}`} data-testid="aqi-calendar-card">
              <EChart option={aqiCalendarOption(year, days, labels)} height={260} label={t('aqiCalendar')} testId="aqi-calendar" />
              {counts && (
                <Space wrap size={[6, 6]} style={{ marginTop: 8 }} data-testid="level-counts">
                  {counts.byLevel.map((n, i) => (
                    <Tag key={i} variant="solid" color={AQI_LEVEL_COLORS[i]} style={{ color: textOn(AQI_LEVEL_COLORS[i] as string) }}>
                      {labels.aqiLevels[i]} {n}
                    </Tag>
                  ))}
                  <Tag>
                    {t('noHeadline')} {counts.noData}
                  </Tag>
                </Space>
              )}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('monthlyTrends')}>
              {months.length ? <EChart option={pollutantTrendOption(months, labels)} height={300} label={t('monthlyTrends')} /> : <Empty />}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('annualEvaluation')} data-testid="evaluation">
              {!summary || !evaluation ? (
                <Empty />
              ) : (
                <>
                  <Descriptions
                    size="small"
                    column={{ xs: 1, sm: 2 }}
                    items={[
                      {
                        key: 'compliant',
                        label: t('compliance'),
                        children: summary.compliant === null ? <Tag>{t('notJudged')}</Tag> : summary.compliant ? <Tag color="#389e0d">{t('compliant')}</Tag> : <Tag color="#cf1322">{t('notCompliant')}</Tag>,
                      },
                      { key: 'index', label: t('comprehensiveIndex'), children: summary.index === null ? '—' : formatNumber(summary.index) },
                      { key: 'good', label: t('goodDays'), children: summary.good === null ? '—' : `${summary.good}${paren(summary.goodPercent === null ? '—' : `${formatNumber(summary.goodPercent, 1)}%`, lang)}` },
                      { key: 'heavy', label: t('heavyDays'), children: summary.heavyOrWorse === null ? '—' : `${summary.heavyOrWorse}${paren(summary.heavyOrWorsePercent === null ? '—' : `${formatNumber(summary.heavyOrWorsePercent, 1)}%`, lang)}` },
                      { key: 'valid', label: t('validDays'), children: summary.validDays ?? '—' },
                      { key: 'standard', label: t('standardUsed'), children: evaluation.standard },
                    ]}
                  />
                  <Table<EvaluationRow & { key: string }>
                    size="small"
                    pagination={false}
                    rowKey="key"
                    style={{ marginTop: 8 }}
                    dataSource={summary.rows.map((r, i) => ({ ...r, key: `${r.pollutant}-${i}` }))}
                    scroll={{ x: 'max-content' }}
                    columns={[
                      { title: t('pollutant'), dataIndex: 'pollutant', key: 'pollutant', render: (p: string) => POLLUTANT_NAMES[p] ?? p },
                      { title: t('statistic'), dataIndex: 'statistic', key: 'statistic' },
                      { title: t('value'), key: 'value', align: 'right', render: (_v, r) => (r.value === null ? '—' : `${formatNumber(r.value, 1)} ${r.unit}`) },
                      { title: t('limitValue'), key: 'limit', align: 'right', render: (_v, r) => (r.limit === null ? '—' : formatNumber(r.limit, 1)) },
                      {
                        title: t('compliance'),
                        key: 'exceeds',
                        render: (_v, r) => (r.exceeds === null ? <Tag>{t('notJudged')}</Tag> : r.exceeds ? <Tag color="#cf1322">{t('exceeds')}</Tag> : <Tag color="#389e0d">{t('compliant')}</Tag>),
                      },
                    ]}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('source')}{colon(lang)}{evaluation.source} · {formatDateTime(evaluation.recordedAt, lang)}
                  </Typography.Text>
                </>
              )}
            </Card>
          </Col>
          {standards.length > 1 && (
            <Col xs={24}>
              <Alert type="info" showIcon title={t('restatedHint')} />
            </Col>
          )}
        </Row>
      )}
    </div>
  );
}
