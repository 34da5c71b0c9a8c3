/**
 * 公开 (/public/<region>): what the bureau has published — the indicators with their status and the project
 * list — readable and printable without signing in. It reads only the public API (the newest published
 * snapshot), never live data, so nothing unpublished can show.
 */
import { Button, Descriptions, Result, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { api, ApiError, type PublicSnapshot } from '../api.js';
import { ApiErrorAlert } from '../components/api-error.js';
import { StatusCounts } from '../components/status-counts.js';
import { StatusTag } from '../components/tags.js';
import { useLoad } from '../components/use-load.js';
import { formatDateTime, formatNumber, formatValue, formatYear, formatYears } from '../format.js';
import { attributeName, projectStatusName, stageName, type Lang } from '../i18n.js';
import { mergedSpans } from '../model/indicators.js';
import { useI18n } from '../use-i18n.js';
import { EChart } from '../components/echart.js';
import { aqiCalendarOption } from '../charts/aqi-calendar.js';
import { chartLabels } from '../charts/labels.js';

/** The public page. */
export function PublicPage({ region }: { region: string }) {
  const { t, lang, setLang } = useI18n();
  const { data, error, loading } = useLoad(() => api.publicSnapshot(region), [region]);

  const header = (
    <div className="eco-no-print" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16, gap: 8, flexWrap: 'wrap' }}>
      <Typography.Text type="secondary">
        <img src="/favicon.svg" alt="" width={20} height={20} style={{ verticalAlign: -4, marginInlineEnd: 6 }} />
        {t('publicTitle')}
      </Typography.Text>
      <Space>
        <Segmented
          size="small"
          value={lang}
          options={[
            { value: 'zh', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
          onChange={(v) => setLang(v as Lang)}
          data-testid="lang-switch"
        />
        {data && (
          <Button size="small" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('print')}
          </Button>
        )}
        <Button size="small" type="link" href="/">
          {t('signInStaff')}
        </Button>
      </Space>
    </div>
  );

  if (loading) {
    return (
      <div className="eco-public">
        {header}
        <Spin />
      </div>
    );
  }
  if (error || !data) {
    const nothing = error instanceof ApiError && error.status === 404;
    return (
      <div className="eco-public">
        {header}
        {nothing ? <Result status="info" title={t('publicNothing')} subTitle={region} /> : <ApiErrorAlert error={error} />}
      </div>
    );
  }
  return (
    <div className="eco-public" data-testid="public">
      {header}
      <PublicBody data={data} />
    </div>
  );
}

function PublicBody({ data }: { data: PublicSnapshot }) {
  const { t, lang } = useI18n();
  // The plan's own order (the snapshot lists binding indicators first), so categories merge as printed.
  const indicators = [...data.indicators].sort((a, b) => a.seq - b.seq);
  const spans = mergedSpans(indicators, (i) => i.category);
  return (
    <>
      <h1>{data.title}</h1>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'region', label: t('region'), children: data.region.fullName },
          { key: 'period', label: t('planPeriod'), children: formatYears(data.period.start, data.period.end, lang) },
          { key: 'year', label: t('assessedYear'), children: `${formatYear(data.year, lang)} · ${stageName(data.stage, lang)}` },
          { key: 'at', label: t('publishedAt'), children: formatDateTime(data.publishedAt, lang) },
        ]}
      />
      <Typography.Title level={4}>{t('publicIndicators')}</Typography.Title>
      <StatusCounts summary={data.summary} />
      <Table
        style={{ marginTop: 12 }}
        size="small"
        bordered
        rowKey="seq"
        pagination={false}
        dataSource={indicators}
        scroll={{ x: 900 }}
        data-testid="public-indicators"
        columns={[
          { title: t('category'), dataIndex: 'category', key: 'category', width: 110, onCell: (_r, i) => ({ rowSpan: spans[i ?? 0] ?? 1 }) },
          { title: t('seq'), dataIndex: 'seq', key: 'seq', width: 56 },
          { title: t('indicatorName'), dataIndex: 'name', key: 'name', width: 240 },
          { title: t('attribute'), key: 'binding', width: 80, render: (_v, r) => (r.binding ? <Tag color="red">{attributeName(true, lang)}</Tag> : <Tag>{attributeName(false, lang)}</Tag>) },
          { title: t('valueOfYear', { year: data.year }), key: 'value', width: 110, align: 'right', render: (_v, r) => formatValue(r.value, r.unit) },
          { title: t('target'), dataIndex: 'targetText', key: 'target', width: 100, align: 'right' },
          { title: t('status'), key: 'status', width: 100, render: (_v, r) => <StatusTag status={r.status} /> },
          { title: t('reason'), dataIndex: 'reason', key: 'reason' },
        ]}
      />
      {data.aqiDays && data.aqiDays.length > 0 ? (
        <>
          <Typography.Title level={4} style={{ marginTop: 24 }}>
            {t('aqiCalendar')}
          </Typography.Title>
          <EChart option={aqiCalendarOption(data.year, data.aqiDays, chartLabels(lang))} height={240} label={t('aqiCalendar')} testId="public-aqi-calendar" />
        </>
      ) : null}
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('publicProjects')}
      </Typography.Title>
      <Table
        size="small"
        bordered
        rowKey="seq"
        pagination={false}
        dataSource={data.projects}
        scroll={{ x: 800 }}
        data-testid="public-projects"
        columns={[
          { title: t('seq'), dataIndex: 'seq', key: 'seq', width: 56 },
          { title: t('category'), dataIndex: 'category', key: 'category', width: 130 },
          { title: t('projectName'), dataIndex: 'name', key: 'name' },
          { title: t('location'), dataIndex: 'location', key: 'location', width: 140 },
          { title: t('years'), key: 'years', width: 110, render: (_v, p) => formatYears(p.startYear, p.endYear, lang) },
          { title: t('investmentWan'), dataIndex: 'investment', key: 'investment', width: 120, align: 'right', render: (v: number) => formatNumber(v) },
          { title: t('projectStatus'), dataIndex: 'status', key: 'status', width: 100, render: (s: PublicSnapshot['projects'][number]['status']) => projectStatusName(s, lang) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 24 }}>
        {t('publicFooter')}
      </Typography.Paragraph>
    </>
  );
}
