/**
 * 总览: a region's plan at a glance — title, period and stage; indicator status counts (binding first) and
 * early warnings; the project portfolio; the latest air and water figures.
 */
import { useMemo } from 'react';
import { Alert, Card, Col, Descriptions, Empty, List, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import type { PlanSummary } from '../api.js';
import type { RegionPageProps } from '../page-props.js';
import { chartLabels } from '../charts/labels.js';
import { investmentOption } from '../charts/investment.js';
import { statusSummaryOption } from '../charts/status-summary.js';
import { ApiErrorAlert } from '../components/api-error.js';
import { EChart } from '../components/echart.js';
import { PageTitle } from '../components/page-title.js';
import { StatusCounts } from '../components/status-counts.js';
import { StatusTag } from '../components/tags.js';
import { useLoad } from '../components/use-load.js';
import { loadOverview, type Overview } from '../data.js';
import { colon, formatNumber, formatPercent, formatValue, formatYear, formatYears, paren, wanUnit } from '../format.js';
import { stageName, statusName } from '../i18n.js';
import { headlineKind, planStage, stageOfYear } from '../model/plan.js';
import { navigate } from '../router.js';
import { useI18n } from '../use-i18n.js';

/** The stage text of a plan in the current year. */
export function usePlanStageText(period: { start: number; end: number }): string {
  const { t } = useI18n();
  const s = planStage({ ...period, baseline: period.start - 1 }, new Date().getFullYear());
  if (s.kind === 'before') return t('stageBefore');
  if (s.kind === 'ended') return t('stageEnded');
  return t('stageRunning', { n: s.n, total: s.total });
}

/** The overview screen. */
export function OverviewPage({ plan }: RegionPageProps) {
  const region = plan.region.code;
  const { data, error, loading, reload } = useLoad(() => loadOverview(region), [region]);
  if (error) return <ApiErrorAlert error={error} onClose={reload} />;
  if (loading && !data) return <Spin />;
  if (!data) return null;
  return <OverviewBody data={data} summary={plan} />;
}

function OverviewBody({ data, summary }: { data: Overview; summary: PlanSummary }) {
  const { t, lang } = useI18n();
  const labels = useMemo(() => chartLabels(lang), [lang]);
  const { plan, current, projects } = data;
  const stageText = usePlanStageText(plan.period);
  const stage = stageOfYear(plan.period, current.year);
  const region = plan.region.code;
  const total = projects.summary.total;
  const headlines = plan.indicators.filter((i) => headlineKind(i) !== null);

  return (
    <div data-testid="overview">
      <PageTitle title={plan.title} subtitle={summary.region.fullName} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'period', label: t('planPeriod'), children: formatYears(plan.period.start, plan.period.end, lang) },
            { key: 'baseline', label: t('baselineYear'), children: formatYear(plan.period.baseline, lang) },
            { key: 'stage', label: t('stage'), children: <Tag color="blue">{stageText}</Tag> },
            {
              key: 'assessed',
              label: t('assessedYear'),
              children: (
                <span data-testid="assessed-year">
                  {formatYear(current.year, lang)} · {stageName(stage, lang)}
                </span>
              ),
            },
          ]}
        />
      </Card>

      <Row gutter={[16, 16]} className="eco-stat-grid">
        <Col xs={24} xl={14}>
          <Card
            title={`${t('indicatorStatus')}${paren(formatYear(current.year, lang), lang)}`}
            size="small"
            extra={<a onClick={() => navigate({ name: 'indicators', region })}>{t('viewAll')}</a>}
          >
            <StatusCounts summary={current.summary} />
            <EChart option={statusSummaryOption(current.summary.binding.byStatus, current.summary.expected.byStatus, labels)} height={150} label={t('indicatorStatus')} />
            <Typography.Text type="secondary">
              {t('onTrackRate')}{colon(lang)}{current.summary.onTrackRate === null ? '—' : `${formatNumber(current.summary.onTrackRate, 1)}%`}{paren(t('onTrackRateHint'), lang)}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={`${t('earlyWarnings')}${paren(t('bindingIndicators'), lang)}`} size="small" data-testid="warnings">
            {current.warnings.length === 0 ? (
              <Alert type="success" showIcon title={t('noWarnings')} />
            ) : (
              <List
                size="small"
                dataSource={current.warnings}
                renderItem={(w) => (
                  <List.Item>
                    <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                      <Space>
                        <StatusTag status={w.status} />
                        <a onClick={() => navigate({ name: 'indicator', region, seq: w.seq })}>
                          {w.seq}. {w.name}
                        </a>
                      </Space>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {w.reason}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>

        <Col xs={24} xl={14}>
          <Card title={t('portfolio')} size="small" extra={<a onClick={() => navigate({ name: 'projects', region })}>{t('viewAll')}</a>} data-testid="portfolio">
            <Row gutter={16}>
              <Col span={6}>
                <Statistic title={t('projectCount')} value={total.count} />
              </Col>
              <Col span={9}>
                <Statistic title={t('plannedInvestment')} value={formatNumber(total.planned)} suffix={<span style={{ fontSize: 14 }}>{wanUnit(lang)}</span>} />
              </Col>
              <Col span={9}>
                <Statistic
                  title={`${t('investedAmount')}${paren(formatYear(projects.year, lang), lang)}`}
                  value={formatNumber(total.invested)}
                  suffix={
                    <span style={{ fontSize: 14 }}>
                      {wanUnit(lang)}
                      {total.planned > 0 ? paren(formatPercent(total.invested / total.planned), lang) : null}
                    </span>
                  }
                />
              </Col>
            </Row>
            {projects.summary.categories.length > 0 ? (
              <EChart option={investmentOption(projects.summary.categories, labels)} height={Math.max(160, 44 * projects.summary.categories.length + 60)} label={t('investmentByCategory')} />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('headlines')} size="small" data-testid="headlines">
            {(['air', 'water'] as const).map((kind) => {
              const items = headlines.filter((i) => headlineKind(i) === kind);
              return (
                <div key={kind} style={{ marginBottom: 12 }}>
                  <Typography.Title level={5} style={{ marginTop: 0 }}>
                    {t(kind === 'air' ? 'airQuality' : 'waterQuality')}
                  </Typography.Title>
                  {items.length === 0 ? (
                    <Typography.Text type="secondary">{t('noHeadline')}</Typography.Text>
                  ) : (
                    <List
                      size="small"
                      dataSource={items}
                      renderItem={(ind) => {
                        const a = data.latest.get(ind.seq);
                        return (
                          <List.Item extra={a ? <StatusTag status={a.status} reason={a.reason} /> : null}>
                            <Space orientation="vertical" size={0}>
                              <a onClick={() => navigate({ name: 'indicator', region, seq: ind.seq })}>{ind.name}</a>
                              <span>
                                <strong style={{ fontSize: 18 }}>{formatValue(a?.value ?? null, ind.unit)}</strong>{' '}
                                <Typography.Text type="secondary">
                                  {a && a.value !== null ? formatYear(a.year, lang) : a ? statusName(a.status, lang) : ''} · {t('target')} {ind.target.text}
                                </Typography.Text>
                              </span>
                            </Space>
                          </List.Item>
                        );
                      }}
                    />
                  )}
                </div>
              );
            })}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
