/**
 * 城市视图: a city's districts side by side — each district's indicator status (binding first), warnings,
 * on-track rate and project portfolio — for the city bureau reviewing its districts.
 */
import { Button, Card, Col, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { STATUSES, type PlanSummary, type User } from '../api.js';
import { STATUS_COLORS } from '../charts/colors.js';
import { ApiErrorAlert } from '../components/api-error.js';
import { PageTitle } from '../components/page-title.js';
import { useLoad } from '../components/use-load.js';
import { loadOverview, type Overview } from '../data.js';
import { formatNumber, formatPercent, formatWan, formatYear } from '../format.js';
import { statusName } from '../i18n.js';
import { navigate } from '../router.js';
import { useI18n } from '../use-i18n.js';

/** Props of CityPage. */
export interface CityPageProps {
  user: User;
  /** The plans of the city's districts the user may read. */
  plans: PlanSummary[];
  city: string;
}

/** The city screen. */
export function CityPage({ plans, city }: CityPageProps) {
  const { t, lang } = useI18n();
  const codes = plans.map((p) => p.region.code).join(',');
  const { data, error, loading } = useLoad(() => Promise.all(plans.map((p) => loadOverview(p.region.code))), [codes]);
  const cityName = plans[0]?.region.city.name ?? city;
  if (error) return <ApiErrorAlert error={error} />;
  if (loading || !data) return <Spin />;

  const rows = data.map((d: Overview, i) => ({ key: d.plan.region.code, summary: plans[i] as PlanSummary, d }));
  return (
    <div data-testid="city">
      <PageTitle title={t('cityTitle', { city: cityName })} subtitle={t('cityDistricts')} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {rows.map(({ key, summary, d }) => (
          <Col key={key} xs={24} md={12} xl={8}>
            <Card
              size="small"
              title={summary.region.fullName}
              extra={
                <Button size="small" type="link" onClick={() => navigate({ name: 'overview', region: key })}>
                  {t('openDistrict')}
                </Button>
              }
            >
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ marginBottom: 8 }}>
                {d.plan.title} · {formatYear(d.current.year, lang)}
              </Typography.Paragraph>
              <Space wrap size={[4, 4]} style={{ marginBottom: 8 }}>
                <strong>{t('binding')}</strong>
                {STATUSES.filter((s) => d.current.summary.binding.byStatus[s] > 0).map((s) => (
                  <Tag key={s} color={STATUS_COLORS[s]}>
                    {statusName(s, lang)} {d.current.summary.binding.byStatus[s]}
                  </Tag>
                ))}
              </Space>
              <br />
              <Space wrap size={[4, 4]} style={{ marginBottom: 8 }}>
                <strong>{t('expected')}</strong>
                {STATUSES.filter((s) => d.current.summary.expected.byStatus[s] > 0).map((s) => (
                  <Tag key={s} color={STATUS_COLORS[s]}>
                    {statusName(s, lang)} {d.current.summary.expected.byStatus[s]}
                  </Tag>
                ))}
              </Space>
              <Row gutter={8}>
                <Col span={8}>
                  <Statistic title={t('earlyWarnings')} value={d.current.warnings.length} styles={{ content: { color: d.current.warnings.length ? STATUS_COLORS.未达标 : undefined } }} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('projectCount')} value={d.projects.summary.total.count} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('investedShare')} value={d.projects.summary.total.planned > 0 ? formatPercent(d.projects.summary.total.invested / d.projects.summary.total.planned) : '—'} />
                </Col>
              </Row>
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('summaryTable')}>
        <Table
          size="small"
          pagination={false}
          bordered
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          columns={[
            { title: t('region'), key: 'region', fixed: 'left', render: (_v, r) => <a onClick={() => navigate({ name: 'overview', region: r.key })}>{r.summary.region.fullName}</a> },
            { title: t('assessedYear'), key: 'year', render: (_v, r) => formatYear(r.d.current.year, lang) },
            {
              title: t('bindingIndicators'),
              key: 'binding',
              children: STATUSES.map((s) => ({
                title: <span style={{ color: STATUS_COLORS[s] }}>{statusName(s, lang)}</span>,
                key: `b-${s}`,
                align: 'right' as const,
                render: (_v: unknown, r: (typeof rows)[number]) => r.d.current.summary.binding.byStatus[s],
              })),
            },
            { title: t('onTrackRate'), key: 'rate', align: 'right', render: (_v, r) => (r.d.current.summary.onTrackRate === null ? '—' : `${formatNumber(r.d.current.summary.onTrackRate, 1)}%`) },
            { title: t('plannedInvestment'), key: 'planned', align: 'right', render: (_v, r) => formatWan(r.d.projects.summary.total.planned, lang) },
            { title: t('investedAmount'), key: 'invested', align: 'right', render: (_v, r) => formatWan(r.d.projects.summary.total.invested, lang) },
          ]}
        />
      </Card>
    </div>
  );
}
