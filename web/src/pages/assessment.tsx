/**
 * 评估: the annual analysis (年度监测分析), mid-term evaluation (中期评估) and final assessment (终期考核)
 * with the summary and the full table (binding indicators first); report downloads (Word, Excel, PDF);
 * publishing the year to the public page.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, List, Row, Segmented, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined, FileWordOutlined, SendOutlined } from '@ant-design/icons';
import { api, type IndicatorAssessment, type Stage } from '../api.js';
import { chartLabels } from '../charts/labels.js';
import { statusSummaryOption } from '../charts/status-summary.js';
import { ApiErrorAlert } from '../components/api-error.js';
import { downloadFile } from '../components/download.js';
import { EChart } from '../components/echart.js';
import { PageTitle } from '../components/page-title.js';
import { StatusCounts } from '../components/status-counts.js';
import { StatusTag } from '../components/tags.js';
import { useLoad } from '../components/use-load.js';
import { colon, formatDateTime, formatNumber, formatValue, formatYear, paren } from '../format.js';
import { attributeName, stageName, trendName } from '../i18n.js';
import { defaultYear, midtermOf, periodYears } from '../model/plan.js';
import { allowed } from '../permissions.js';
import { useI18n } from '../use-i18n.js';
import type { RegionPageProps } from '../page-props.js';

/** The year a stage is assessed in: the mid-term year, the end year, or the chosen year for the annual analysis. */
export function stageYear(period: { start: number; end: number; baseline: number; midterm?: number }, stage: Stage, annualYear: number): number {
  if (stage === 'midterm') return midtermOf(period);
  if (stage === 'final') return period.end;
  return annualYear;
}

/** The assessment screen. */
export function AssessmentPage({ user, plan }: RegionPageProps) {
  const region = plan.region.code;
  const { t, lang } = useI18n();
  const { modal } = App.useApp();
  const [stage, setStage] = useState<Stage>(() => (defaultYear(plan.period, new Date().getFullYear()) === plan.period.end ? 'final' : 'annual'));
  const [annualYear, setAnnualYear] = useState(() => defaultYear(plan.period, new Date().getFullYear()));
  const year = stageYear(plan.period, stage, annualYear);
  const { data, error, loading } = useLoad(() => api.assessment(region, stage, year), [region, stage, year]);
  const [published, setPublished] = useState<{ at: string; year: number } | null>(null);
  const [publishError, setPublishError] = useState<unknown>(null);
  const labels = useMemo(() => chartLabels(lang), [lang]);
  const ref = { code: region, cityCode: plan.region.city.code };
  const mayPublish = allowed(user, 'publish', ref);

  const [downloading, setDownloading] = useState<'docx' | 'xlsx' | 'pdf' | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const download = async (format: 'docx' | 'xlsx' | 'pdf') => {
    setDownloading(format);
    setDownloadError(null);
    try {
      await downloadFile(api.reportUrl(region, stage, format, year), `report.${format}`);
    } catch (e) {
      setDownloadError(e);
    } finally {
      setDownloading(null);
    }
  };

  const publish = () => {
    modal.confirm({
      title: t('publish'),
      content: t('publishConfirm', { year: formatYear(year, lang) }),
      okText: t('publish'),
      cancelText: t('cancel'),
      onOk: async () => {
        setPublishError(null);
        try {
          const r = await api.publish(region, year);
          setPublished({ at: r.publishedAt, year });
        } catch (e) {
          setPublishError(e);
        }
      },
    });
  };

  return (
    <div data-testid="assessment">
      <PageTitle
        title={t('assessment')}
        subtitle={plan.title}
        extra={
          <>
            <Segmented
              value={stage}
              onChange={(v) => setStage(v as Stage)}
              options={(['annual', 'midterm', 'final'] as Stage[]).map((s) => ({ value: s, label: stageName(s, lang) }))}
              data-testid="stage-switch"
            />
            {stage === 'annual' && (
              <Select aria-label={t('year')} value={annualYear} style={{ width: 110 }} onChange={(y: number) => setAnnualYear(y)} options={periodYears(plan.period).map((y) => ({ value: y, label: formatYear(y, lang) }))} />
            )}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Typography.Text strong>
            <DownloadOutlined /> {t('downloads')}
            {paren(`${formatYear(year, lang)} ${stageName(stage, lang)}`, lang)}
            {colon(lang)}
          </Typography.Text>
          {(
            [
              ['docx', <FileWordOutlined key="i" />, 'downloadDocx'],
              ['xlsx', <FileExcelOutlined key="i" />, 'downloadXlsx'],
              ['pdf', <FilePdfOutlined key="i" />, 'downloadPdf'],
            ] as const
          ).map(([format, icon, label]) => (
            <Button key={format} icon={icon} loading={downloading === format} onClick={() => download(format)} data-testid={`download-${format}`}>
              {t(label)}
            </Button>
          ))}
          {mayPublish && (
            <Button type="primary" icon={<SendOutlined />} onClick={publish} data-testid="publish">
              {t('publish')}
            </Button>
          )}
        </Space>
        {published && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            data-testid="published"
            title={
              <span>
                {t('published')}{' '}
                <a href={`/public/${region}`} target="_blank" rel="noopener">
                  /public/{region}
                </a>{' '}
                {paren(`${formatYear(published.year, lang)} · ${formatDateTime(published.at, lang)}`, lang)}
              </span>
            }
          />
        )}
        {publishError || downloadError ? (
          <div style={{ marginTop: 12 }}>
            <ApiErrorAlert error={publishError ?? downloadError} />
          </div>
        ) : null}
      </Card>
      {error ? (
        <ApiErrorAlert error={error} />
      ) : loading || !data ? (
        <Spin />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card size="small" title={`${formatYear(data.year, lang)} ${stageName(data.stage, lang)} · ${t('byStatusTable')}`}>
              <StatusCounts summary={data.summary} />
              <EChart option={statusSummaryOption(data.summary.binding.byStatus, data.summary.expected.byStatus, labels)} height={150} label={t('indicatorStatus')} />
              <Typography.Text type="secondary">
                {t('onTrackRate')}{colon(lang)}{data.summary.onTrackRate === null ? '—' : `${formatNumber(data.summary.onTrackRate, 1)}%`}
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={`${t('earlyWarnings')}${paren(t('bindingIndicators'), lang)}`}>
              {data.warnings.length === 0 ? (
                <Alert type="success" showIcon title={t('noWarnings')} />
              ) : (
                <List
                  size="small"
                  dataSource={data.warnings}
                  renderItem={(w) => (
                    <List.Item>
                      <Space>
                        <StatusTag status={w.status} reason={w.reason} />
                        {w.seq}. {w.name}
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t('summaryTable')}>
              <Table<IndicatorAssessment>
                size="small"
                bordered
                rowKey="seq"
                dataSource={data.indicators}
                pagination={false}
                scroll={{ x: 1100 }}
                data-testid="assessment-table"
                columns={[
                  { title: t('seq'), dataIndex: 'seq', key: 'seq', width: 56 },
                  { title: t('attribute'), key: 'binding', width: 80, render: (_v, r) => (r.binding ? <Tag color="red">{attributeName(true, lang)}</Tag> : <Tag>{attributeName(false, lang)}</Tag>) },
                  { title: t('category'), dataIndex: 'category', key: 'category', width: 120 },
                  { title: t('indicatorName'), dataIndex: 'name', key: 'name', width: 240 },
                  { title: t('valueOfYear', { year: data.year }), key: 'value', width: 110, align: 'right', render: (_v, r) => formatValue(r.value, r.unit) },
                  { title: t('target'), dataIndex: 'targetText', key: 'target', width: 110, align: 'right' },
                  { title: t('expectedValue'), key: 'expected', width: 90, align: 'right', render: (_v, r) => (r.expected === null ? '—' : formatNumber(r.expected)) },
                  { title: t('status'), key: 'status', width: 100, render: (_v, r) => <StatusTag status={r.status} /> },
                  { title: t('trend'), key: 'trend', width: 70, render: (_v, r) => (r.trend ? trendName(r.trend, lang) : '—') },
                  { title: t('reason'), dataIndex: 'reason', key: 'reason' },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
