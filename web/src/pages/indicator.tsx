/**
 * An indicator's page: the trend chart (values by year, the target line, the 序时进度 path, the status of
 * each year), the value history with provenance, the notes; the data-entry form; and for 完成市定目标
 * indicators the city reviewer's assigned-target form.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, List, Radio, Row, Select, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError, type IndicatorAssessment, type IndicatorDetail, type ValueRecord } from '../api.js';
import { chartLabels } from '../charts/labels.js';
import { indicatorTrendOption } from '../charts/indicator-trend.js';
import { ApiErrorAlert } from '../components/api-error.js';
import { EChart } from '../components/echart.js';
import { showProblems, showServerIssues } from '../components/form-problems.js';
import { PageTitle } from '../components/page-title.js';
import { StatusTag } from '../components/tags.js';
import { useLoad } from '../components/use-load.js';
import { formatDate, formatDateTime, formatNumber, formatUnit, formatValue, formatYear, paren } from '../format.js';
import { attributeName, statusName, trendName, type MessageKey } from '../i18n.js';
import { chartGoal, checkAssignmentForm, checkValueForm, type AssignmentForm } from '../model/indicators.js';
import { defaultYear } from '../model/plan.js';
import { allowed } from '../permissions.js';
import { navigate } from '../router.js';
import { useI18n } from '../use-i18n.js';
import type { RegionPageProps } from '../page-props.js';

/** Props of IndicatorPage. */
export interface IndicatorPageProps extends RegionPageProps {
  seq: number;
}

/** The indicator screen. */
export function IndicatorPage({ user, plan, seq }: IndicatorPageProps) {
  const region = plan.region.code;
  const { t } = useI18n();
  const { data, error, loading, reload } = useLoad(() => api.indicator(region, seq), [region, seq]);
  if (error) return <ApiErrorAlert error={error} />;
  if (loading && !data) return <Spin />;
  if (!data) return null;
  const ref = { code: region, cityCode: plan.region.city.code };
  const mayWrite = allowed(user, 'value.write', ref, data.indicator.responsibleUnit ?? null);
  const mayAssign = data.indicator.target.kind === 'assigned' && allowed(user, 'target.assign', ref);
  return (
    <div data-testid="indicator">
      <PageTitle
        title={`${data.indicator.seq}. ${data.indicator.printedName ?? data.indicator.name}`}
        subtitle={[data.indicator.category, data.indicator.subgroup].filter(Boolean).join(' · ')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'indicators', region })}>
            {t('backToList')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <TrendCard detail={data} />
        </Col>
        <Col xs={24} xl={8}>
          <FactsCard detail={data} />
        </Col>
        {mayWrite && (
          <Col xs={24} xl={mayAssign ? 12 : 24}>
            <ValueEntry region={region} detail={data} onSaved={reload} />
          </Col>
        )}
        {mayAssign && (
          <Col xs={24} xl={mayWrite ? 12 : 24}>
            <AssignmentEntry region={region} detail={data} onSaved={reload} />
          </Col>
        )}
        <Col xs={24}>
          <HistoryCard history={data.history} unit={data.indicator.unit} />
        </Col>
        {data.indicator.notes.length > 0 && (
          <Col xs={24}>
            <Card size="small" title={t('notes')}>
              <List size="small" dataSource={data.indicator.notes} renderItem={(n) => <List.Item>{n}</List.Item>} />
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}

function TrendCard({ detail }: { detail: IndicatorDetail }) {
  const { t, lang } = useI18n();
  const labels = useMemo(() => chartLabels(lang), [lang]);
  const ind = detail.indicator;
  const option = useMemo(
    () =>
      indicatorTrendOption(
        {
          unit: ind.unit,
          baseline: { year: detail.period.baseline, value: ind.baseline.value },
          endYear: detail.period.end,
          years: detail.byYear.map((b) => ({ year: b.year, value: b.value, status: b.status })),
          goal: chartGoal(ind, detail.byYear),
        },
        labels,
      ),
    [detail, ind, labels],
  );
  return (
    <Card size="small" title={t('trendChart')}>
      <EChart option={option} height={300} label={t('trendChart')} testId="trend-chart" />
      <Typography.Title level={5}>{t('statusByYear')}</Typography.Title>
      <Table<IndicatorAssessment>
        size="small"
        pagination={false}
        rowKey="year"
        dataSource={detail.byYear}
        scroll={{ x: 'max-content' }}
        data-testid="status-by-year"
        columns={[
          { title: t('year'), dataIndex: 'year', key: 'year', render: (y: number) => formatYear(y, lang) },
          { title: t('value'), key: 'value', align: 'right', render: (_v, r) => formatValue(r.value, ind.unit) },
          { title: t('expectedValue'), key: 'expected', align: 'right', render: (_v, r) => (r.expected === null ? '—' : formatNumber(r.expected)) },
          { title: t('status'), key: 'status', render: (_v, r) => <StatusTag status={r.status} /> },
          { title: t('trend'), key: 'trend', render: (_v, r) => (r.trend ? trendName(r.trend, lang) : '—') },
          { title: t('reason'), dataIndex: 'reason', key: 'reason' },
        ]}
      />
    </Card>
  );
}

function FactsCard({ detail }: { detail: IndicatorDetail }) {
  const { t, lang } = useI18n();
  const ind = detail.indicator;
  const a = detail.assignment;
  return (
    <Card size="small" title={t('indicatorDetail')}>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'unit', label: t('unit'), children: formatUnit(ind.unit) || ind.unit || '—' },
          { key: 'baseline', label: `${t('baseline')}${paren(formatYear(detail.period.baseline, lang), lang)}`, children: ind.baseline.text },
          { key: 'target', label: `${t('target')}${paren(formatYear(detail.period.end, lang), lang)}`, children: ind.target.text },
          { key: 'attribute', label: t('attribute'), children: attributeName(ind.binding, lang) },
          ...(ind.target.kind === 'assigned'
            ? [
                {
                  key: 'assigned',
                  label: t('assignedTarget'),
                  children: a ? (
                    <span data-testid="assignment">
                      {a.kind === 'reduceBy' ? `${t('assignReduceBy')} ${formatNumber(a.value)}` : `${a.kind === 'atLeast' ? '≥' : '≤'}${formatNumber(a.value)}`}
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {a.assignedBy} · {formatDate(a.assignedOn, lang)} · {a.document}
                      </Typography.Text>
                    </span>
                  ) : (
                    <Tag color="purple">{t('notAssigned')}</Tag>
                  ),
                },
              ]
            : []),
          ...(ind.responsibleUnit ? [{ key: 'unitResp', label: t('responsibleUnit'), children: ind.responsibleUnit }] : []),
          ...(ind.metric ? [{ key: 'metric', label: t('metric'), children: [ind.metric.id, ...(ind.metric.stations ?? [])].join(' · ') }] : []),
        ]}
      />
    </Card>
  );
}

interface ValueValues {
  year: number;
  value: number | null;
  judgement: 'met' | 'notMet' | null;
  note?: string;
}

function ValueEntry({ region, detail, onSaved }: { region: string; detail: IndicatorDetail; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<ValueValues>();
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<IndicatorAssessment | null>(null);
  const [busy, setBusy] = useState(false);
  const ind = detail.indicator;
  const qualitative = ind.target.kind === 'qualitative';
  const years: number[] = [];
  for (let y = detail.period.baseline; y <= detail.period.end; y++) years.push(y);

  const submit = async (v: ValueValues) => {
    setError(null);
    setResult(null);
    const problems = checkValueForm(ind, detail.period, { year: v.year, value: v.value ?? null, judgement: v.judgement ?? null, note: v.note ?? '' });
    if (showProblems(form, problems, t)) return;
    setBusy(true);
    try {
      const r = await api.setValue(region, ind.seq, v.year, { value: qualitative ? (v.value ?? null) : (v.value as number), judgement: qualitative ? v.judgement : null, note: v.note?.trim() ? v.note.trim() : null });
      setResult(r);
      onSaved();
    } catch (e) {
      setError(e);
      if (e instanceof ApiError) showServerIssues(form, e, ['year', 'value', 'judgement', 'note']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('enterValue')} data-testid="value-entry">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('enterValueHint')}
      </Typography.Paragraph>
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      {result && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="value-result"
          title={
            <Space wrap>
              {t('valueSaved', { year: result.year, status: statusName(result.status, lang) })}
              <StatusTag status={result.status} />
            </Space>
          }
          description={result.reason}
        />
      )}
      <Form form={form} layout="inline" onFinish={submit} initialValues={{ year: defaultYear(detail.period, new Date().getFullYear()), value: null, judgement: null }} style={{ rowGap: 12 }}>
        <Form.Item name="year" label={t('year')}>
          <Select style={{ width: 110 }} options={years.map((y) => ({ value: y, label: formatYear(y, lang) }))} data-testid="value-year" />
        </Form.Item>
        {qualitative ? (
          <Form.Item name="judgement" label={t('judgement')}>
            <Radio.Group
              options={[
                { value: 'met', label: t('judgementMet') },
                { value: 'notMet', label: t('judgementNotMet') },
              ]}
            />
          </Form.Item>
        ) : (
          <Form.Item name="value" label={`${t('value')}${formatUnit(ind.unit) ? `${paren(formatUnit(ind.unit), lang)}` : ''}`}>
            <InputNumber style={{ width: 140 }} id="value-input" data-testid="value-input" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('note')}>
          <Input style={{ width: 220 }} maxLength={2000} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="value-submit">
            {t('save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

interface AssignValues {
  kind: AssignmentForm['kind'];
  value: number | null;
  assignedBy: string;
  assignedOn: Dayjs | null;
  document: string;
}

function AssignmentEntry({ region, detail, onSaved }: { region: string; detail: IndicatorDetail; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AssignValues>();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const a = detail.assignment;

  const submit = async (v: AssignValues) => {
    setError(null);
    setSaved(false);
    const f: AssignmentForm = { kind: v.kind, value: v.value, assignedBy: v.assignedBy ?? '', assignedOn: v.assignedOn ? v.assignedOn.format('YYYY-MM-DD') : '', document: v.document ?? '' };
    if (showProblems(form, checkAssignmentForm(f), t)) return;
    setBusy(true);
    try {
      await api.assignTarget(region, detail.indicator.seq, { ...f, value: f.value as number, assignedBy: f.assignedBy.trim(), document: f.document.trim() });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e);
      if (e instanceof ApiError) showServerIssues(form, e, ['value', 'assignedBy', 'assignedOn', 'document']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('assignTarget')} data-testid="assignment-entry">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('assignHint')}
      </Typography.Paragraph>
      <ApiErrorAlert error={error} onClose={() => setError(null)} />
      {saved && <Alert type="success" showIcon title={t('assignSaved')} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: a?.kind ?? (detail.indicator.direction === 'higher' ? 'atLeast' : 'atMost'),
          value: a?.value ?? null,
          assignedBy: a?.assignedBy ?? '',
          assignedOn: a ? dayjs(a.assignedOn) : null,
          document: a?.document ?? '',
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('assignKind')}>
              <Select
                options={(
                  [
                    ['atLeast', 'assignAtLeast'],
                    ['atMost', 'assignAtMost'],
                    ['reduceBy', 'assignReduceBy'],
                  ] as [AssignmentForm['kind'], MessageKey][]
                ).map(([value, key]) => ({ value, label: t(key) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="value" label={t('value')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="assignedBy" label={t('assignedBy')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="assignedOn" label={t('assignedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="document" label={t('document')}>
              <Input maxLength={500} placeholder="益环发〔2021〕X号" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('save')}
        </Button>
      </Form>
    </Card>
  );
}

function HistoryCard({ history, unit }: { history: ValueRecord[]; unit: string | null }) {
  const { t, lang } = useI18n();
  const sourceKey: Record<string, MessageKey> = { manual: 'sourceManual', import: 'sourceImport', computed: 'sourceComputed' };
  return (
    <Card size="small" title={t('valueHistory')}>
      <Table<ValueRecord>
        size="small"
        rowKey={(r) => `${r.year}/${r.basis}/${r.recordedAt}/${r.value}`}
        dataSource={history}
        pagination={history.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('noValues') }}
        scroll={{ x: 'max-content' }}
        data-testid="value-history"
        columns={[
          { title: t('year'), dataIndex: 'year', key: 'year', render: (y: number) => formatYear(y, lang) },
          { title: t('value'), key: 'value', align: 'right', render: (_v, r) => (r.judgement ? t(r.judgement === 'met' ? 'judgementMet' : 'judgementNotMet') : formatValue(r.value, unit)) },
          { title: t('basis'), dataIndex: 'basis', key: 'basis' },
          {
            title: t('source'),
            key: 'source',
            render: (_v, r) => (
              <Tooltip title={[r.source.ref, r.source.standard].filter(Boolean).join(' · ') || undefined}>
                <span>
                  {sourceKey[r.source.kind] ? t(sourceKey[r.source.kind] as MessageKey) : r.source.kind}
                  {r.source.ref ? ` · ${r.source.ref}` : ''}
                  {r.source.standard ? ` · ${r.source.standard}` : ''}
                </span>
              </Tooltip>
            ),
          },
          { title: t('note'), dataIndex: 'note', key: 'note', render: (n: string | null) => n ?? '' },
          { title: t('recordedBy'), dataIndex: 'recordedBy', key: 'recordedBy' },
          { title: t('recordedAt'), dataIndex: 'recordedAt', key: 'recordedAt', render: (v: string) => formatDateTime(v, lang) },
          { title: t('status'), key: 'state', render: (_v, r) => (r.supersededAt ? <Tag>{t('superseded')}</Tag> : <Tag color="green">{t('current')}</Tag>) },
        ]}
      />
    </Card>
  );
}
