/**
 * 项目库: the key project library — a filterable table with schedule lights; yearly investment entry;
 * rolling adjustment (调入, 调出, 调整 with a reason) and its history; investment by category.
 */
import { useMemo, useState } from 'react';
import { AutoComplete, Button, Card, Col, DatePicker, Form, Grid, Input, InputNumber, Modal, Row, Select, Space, Spin, Statistic, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, ApiError, LIGHTS, PROJECT_STATUSES, type ChangeKind, type PlanSummary, type ProjectChange, type ProjectFieldsInput, type ProjectItem, type ProjectList, type ProjectStatus, type ScheduleLight } from '../api.js';
import { chartLabels } from '../charts/labels.js';
import { investmentOption } from '../charts/investment.js';
import { ApiErrorAlert } from '../components/api-error.js';
import { EChart } from '../components/echart.js';
import { showProblems, showServerIssues } from '../components/form-problems.js';
import { PageTitle } from '../components/page-title.js';
import { LightTag } from '../components/tags.js';
import { useLoad } from '../components/use-load.js';
import { colon, formatDate, formatDateTime, formatNumber, formatPercent, formatWan, formatYear, formatYears, paren, wanUnit } from '../format.js';
import { changeKindName, lightName, projectStatusName } from '../i18n.js';
import { periodYears } from '../model/plan.js';
import { changeDiff, changedFields, checkAdjustmentForm, checkInvestmentForm, fieldLabelKey, filterProjects, type ProjectFilter } from '../model/projects.js';
import { allowed, mayTryUnitWork } from '../permissions.js';
import { useI18n } from '../use-i18n.js';
import type { RegionPageProps } from '../page-props.js';

interface ProjectsData {
  list: ProjectList;
  changes: ProjectChange[];
  period: { start: number; end: number; baseline: number };
}

/** The projects screen. */
export function ProjectsPage({ user, plan }: RegionPageProps) {
  const region = plan.region.code;
  const { t, lang } = useI18n();
  const [year, setYear] = useState<number | undefined>(undefined);
  const { data, error, loading, reload } = useLoad<ProjectsData>(
    async () => {
      const [list, changes] = await Promise.all([api.projects(region, year), api.projectChanges(region)]);
      return { list, changes, period: plan.period };
    },
    [region, year],
  );
  const [filter, setFilter] = useState<ProjectFilter>({});
  const [investing, setInvesting] = useState<ProjectItem | null>(null);
  const [adjusting, setAdjusting] = useState<{ project: ProjectItem | null; kind: ChangeKind } | null>(null);
  const labels = useMemo(() => chartLabels(lang), [lang]);
  // On a tablet in portrait the actions column scrolls with the table instead of covering it.
  const wide = Grid.useBreakpoint().lg !== false;
  const shown = useMemo(() => (data ? filterProjects(data.list.projects, filter) : []), [data, filter]);

  if (error && !data) return <ApiErrorAlert error={error} />;
  if (!data) return <Spin />;
  const ref = { code: region, cityCode: plan.region.city.code };
  const mayAdjust = allowed(user, 'project.adjust', ref);
  const mayInvest = (p: ProjectItem) => allowed(user, 'project.update', ref, p.leadUnit);
  const anyInvest = mayTryUnitWork(user, 'project.update', ref);
  const { list } = data;
  const total = list.summary.total;
  const categories = [...new Set(list.projects.map((p) => p.category))];

  return (
    <div data-testid="projects">
      <PageTitle
        title={t('portfolio')}
        subtitle={plan.title}
        extra={
          <>
            <Select
              aria-label={t('year')}
              value={list.year}
              style={{ width: 110 }}
              onChange={(y: number) => setYear(y)}
              options={periodYears(plan.period).map((y) => ({ value: y, label: formatYear(y, lang) }))}
            />
            {mayAdjust && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdjusting({ project: null, kind: '调入' })} data-testid="add-project">
                {t('addProject')}
              </Button>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('projectCount')} value={total.count} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('plannedInvestment')} value={formatNumber(total.planned)} suffix={<span style={{ fontSize: 14 }}>{wanUnit(lang)}</span>} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={`${t('investedAmount')}${paren(formatYear(list.year, lang), lang)}`} value={formatNumber(total.invested)} suffix={<span style={{ fontSize: 14 }}>{wanUnit(lang)}</span>} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('investedShare')} value={total.planned > 0 ? formatPercent(total.invested / total.planned) : '—'} />
          </Card>
        </Col>
      </Row>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'list',
              label: t('projectsTab'),
              children: (
                <>
                  <Space wrap style={{ marginBottom: 12 }}>
                    <Input.Search allowClear placeholder={t('searchProject')} style={{ width: 240 }} onSearch={(v) => setFilter((f) => ({ ...f, text: v }))} />
                    <Select allowClear placeholder={t('category')} style={{ minWidth: 180 }} value={filter.category} onChange={(v?: string) => setFilter((f) => ({ ...f, category: v }))} options={categories.map((c) => ({ value: c, label: c }))} />
                    <Select
                      allowClear
                      placeholder={t('filterLight')}
                      style={{ minWidth: 130 }}
                      value={filter.light}
                      onChange={(v?: ScheduleLight) => setFilter((f) => ({ ...f, light: v }))}
                      options={LIGHTS.map((l) => ({ value: l, label: lightName(l, lang) }))}
                    />
                    <Select
                      allowClear
                      placeholder={t('filterProjectStatus')}
                      style={{ minWidth: 120 }}
                      value={filter.status}
                      onChange={(v?: ProjectStatus) => setFilter((f) => ({ ...f, status: v }))}
                      options={PROJECT_STATUSES.map((s) => ({ value: s, label: projectStatusName(s, lang) }))}
                    />
                    <Typography.Text type="secondary">{t('showingN', { n: shown.length })}</Typography.Text>
                  </Space>
                  <Table<ProjectItem>
                    size="small"
                    rowKey="seq"
                    dataSource={shown}
                    pagination={shown.length > 50 ? { pageSize: 50 } : false}
                    scroll={{ x: 1150 }}
                    data-testid="project-table"
                    columns={[
                      { title: t('seq'), dataIndex: 'seq', key: 'seq', width: 52, fixed: 'left' },
                      {
                        title: t('projectName'),
                        key: 'name',
                        width: 280,
                        render: (_v, p) => (
                          <Tooltip title={p.content || undefined}>
                            <div>
                              {p.name}
                              {p.origin === '调入' && (
                                <Tag color="cyan" style={{ marginInlineStart: 4 }}>
                                  {changeKindName('调入', lang)}
                                </Tag>
                              )}
                              {p.flags.length > 0 && (
                                <Tooltip title={p.flags.join('；')}>
                                  <Tag color="gold" style={{ marginInlineStart: 4 }}>
                                    !
                                  </Tag>
                                </Tooltip>
                              )}
                              <div className="eco-muted" style={{ fontSize: 12 }}>
                                {[p.category, p.location].filter(Boolean).join(' · ')}
                              </div>
                            </div>
                          </Tooltip>
                        ),
                      },
                      { title: t('years'), key: 'years', width: 110, render: (_v, p) => formatYears(p.startYear, p.endYear, lang) },
                      { title: t('investmentWan'), dataIndex: 'investment', key: 'investment', width: 110, align: 'right', render: (v: number) => formatNumber(v) },
                      { title: t('invested'), dataIndex: 'investedTotal', key: 'investedTotal', width: 100, align: 'right', render: (v: number) => formatNumber(v) },
                      { title: t('light'), key: 'light', width: 112, render: (_v, p) => <LightTag light={p.light} reason={p.lightReason} /> },
                      { title: t('projectStatus'), dataIndex: 'status', key: 'status', width: 80, render: (s: ProjectStatus) => projectStatusName(s, lang) },
                      { title: t('leadUnit'), dataIndex: 'leadUnit', key: 'leadUnit', width: 130, render: (v: string | null) => v ?? '—' },
                      ...(anyInvest || mayAdjust
                        ? [
                            {
                              title: t('actions'),
                              key: 'actions',
                              width: 190,
                              fixed: wide ? ('right' as const) : undefined,
                              render: (_v: unknown, p: ProjectItem) => {
                                const active = p.status !== '调出' && p.status !== '取消';
                                return (
                                  <Space size={0}>
                                    {mayInvest(p) && active && (
                                      <Button size="small" type="link" onClick={() => setInvesting(p)} data-testid={`invest-${p.seq}`}>
                                        {t('investShort')}
                                      </Button>
                                    )}
                                    {mayAdjust && p.status !== '调出' && (
                                      <>
                                        <Button size="small" type="link" onClick={() => setAdjusting({ project: p, kind: '调整' })} data-testid={`adjust-${p.seq}`}>
                                          {t('adjustProject')}
                                        </Button>
                                        <Button size="small" type="link" danger onClick={() => setAdjusting({ project: p, kind: '调出' })} data-testid={`remove-${p.seq}`}>
                                          {t('removeProject')}
                                        </Button>
                                      </>
                                    )}
                                  </Space>
                                );
                              },
                            },
                          ]
                        : []),
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'chart',
              label: t('chartTab'),
              children: <CategoryTab list={list} labels={labels} />,
            },
            {
              key: 'history',
              label: `${t('adjustmentHistory')}${paren(data.changes.length, lang)}`,
              children: <HistoryTab changes={data.changes} />,
            },
          ]}
        />
      </Card>
      {investing && (
        <InvestmentModal
          region={region}
          plan={plan}
          project={investing}
          year={list.year}
          onClose={(saved) => {
            setInvesting(null);
            if (saved) reload();
          }}
        />
      )}
      {adjusting && (
        <AdjustModal
          region={region}
          project={adjusting.project}
          kind={adjusting.kind}
          categories={categories}
          onClose={(saved) => {
            setAdjusting(null);
            if (saved) reload();
          }}
        />
      )}
    </div>
  );
}

function CategoryTab({ list, labels }: { list: ProjectList; labels: ReturnType<typeof chartLabels> }) {
  const { t, lang } = useI18n();
  const printed = new Map((list.printedInvestmentByCategory ?? []).map((p) => [p.category, p.amount]));
  const rows = [...list.summary.categories, list.summary.total];
  return (
    <>
      <EChart option={investmentOption(list.summary.categories, labels)} height={Math.max(200, 48 * list.summary.categories.length + 60)} label={t('investmentByCategory')} testId="investment-chart" />
      <Table
        size="small"
        rowKey="category"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('category'), dataIndex: 'category', key: 'category', render: (c: string) => (c === '合计' ? t('total') : c) },
          { title: t('projectCount'), dataIndex: 'count', key: 'count', align: 'right' },
          { title: t('plannedInvestment'), dataIndex: 'planned', key: 'planned', align: 'right', render: (v: number) => formatWan(v, lang) },
          { title: t('investedAmount'), dataIndex: 'invested', key: 'invested', align: 'right', render: (v: number) => formatWan(v, lang) },
          { title: t('investedShare'), key: 'share', align: 'right', render: (_v, r) => (r.planned > 0 ? formatPercent(r.invested / r.planned) : '—') },
          ...(printed.size
            ? [{ title: t('printedInvestment'), key: 'printed', align: 'right' as const, render: (_v: unknown, r: { category: string }) => (printed.has(r.category) ? formatWan(printed.get(r.category) as number, lang) : '—') }]
            : []),
        ]}
      />
    </>
  );
}

function HistoryTab({ changes }: { changes: ProjectChange[] }) {
  const { t, lang } = useI18n();
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'number' ? formatNumber(v) : String(v));
  return (
    <Table<ProjectChange>
      size="small"
      rowKey={(r) => `${r.recordedAt}/${r.seq}/${r.kind}`}
      dataSource={[...changes].reverse()}
      locale={{ emptyText: t('noAdjustments') }}
      pagination={changes.length > 30 ? { pageSize: 30 } : false}
      scroll={{ x: 'max-content' }}
      data-testid="adjustment-history"
      columns={[
        { title: t('decidedOn'), dataIndex: 'decidedOn', key: 'decidedOn', render: (d: string) => formatDate(d, lang) },
        { title: t('adjustmentKind'), dataIndex: 'kind', key: 'kind', render: (k: ChangeKind) => <Tag color={k === '调出' ? 'red' : k === '调入' ? 'cyan' : 'blue'}>{changeKindName(k, lang)}</Tag> },
        { title: t('projectName'), key: 'name', render: (_v, r) => `${r.seq}. ${r.name}` },
        { title: t('adjustmentReason'), dataIndex: 'reason', key: 'reason' },
        {
          title: t('changedFields'),
          key: 'diff',
          render: (_v, r) => (
            <Space orientation="vertical" size={0}>
              {changeDiff(r.before, r.after).map(([k, b, a]) => {
                const key = fieldLabelKey(k);
                return (
                  <span key={k} style={{ fontSize: 12 }}>
                    {key ? t(key) : k}{colon(lang)}{r.before ? `${show(b)} → ` : ''}
                    {show(a)}
                  </span>
                );
              })}
            </Space>
          ),
        },
        { title: t('document'), dataIndex: 'document', key: 'document', render: (d: string | null) => d ?? '—' },
        { title: t('recordedBy'), dataIndex: 'recordedBy', key: 'recordedBy' },
        { title: t('recordedAt'), dataIndex: 'recordedAt', key: 'recordedAt', render: (v: string) => formatDateTime(v, lang) },
      ]}
    />
  );
}

interface InvestValues {
  year: number;
  invested: number | null;
  progress: number | null;
  status: Exclude<ProjectStatus, '调出'>;
  note?: string;
}

function InvestmentModal({ region, plan, project, year, onClose }: { region: string; plan: PlanSummary; project: ProjectItem; year: number; onClose: (saved: boolean) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<InvestValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const years: number[] = [];
  for (let y = plan.period.start; y <= plan.period.end + 5; y++) years.push(y);

  const submit = async (v: InvestValues) => {
    setError(null);
    if (showProblems(form, checkInvestmentForm(plan.period, { year: v.year, invested: v.invested, progress: v.progress ?? null }), t)) return;
    setBusy(true);
    try {
      await api.updateProject(region, project.seq, {
        year: v.year,
        invested: v.invested as number,
        progress: v.progress ?? null,
        ...(v.status !== project.status ? { status: v.status } : {}),
        note: v.note?.trim() ? v.note.trim() : null,
        rowVersion: project.rowVersion,
      });
      onClose(true);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError) showServerIssues(form, e, ['year', 'invested', 'progress', 'status']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={`${t('recordInvestment')} · ${project.seq}. ${project.name}`} onCancel={() => onClose(false)} onOk={() => form.submit()} okText={t('save')} confirmLoading={busy} destroyOnHidden width={560}>
      <ApiErrorAlert error={error} />
      <Typography.Paragraph type="secondary">
        {t('investment')}{colon(lang)}{formatWan(project.investment, lang)} · {t('years')}{colon(lang)}{formatYears(project.startYear, project.endYear, lang)}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ year, invested: project.investedByYear[String(year)] ?? null, progress: project.progress, status: project.status === '调出' ? '在建' : project.status }}
        onValuesChange={(changed: Partial<InvestValues>) => {
          if (changed.year !== undefined) form.setFieldValue('invested', project.investedByYear[String(changed.year)] ?? null);
        }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="year" label={t('year')}>
              <Select options={years.map((y) => ({ value: y, label: formatYear(y, lang) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="invested" label={t('investedInYear')}>
              <InputNumber style={{ width: '100%' }} min={0} id="invest-amount" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="progress" label={t('progressPercent')}>
              <InputNumber style={{ width: '100%' }} min={0} max={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label={t('projectStatus')}>
              <Select options={PROJECT_STATUSES.filter((s) => s !== '调出').map((s) => ({ value: s, label: projectStatusName(s, lang) }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={t('note')}>
              <Input maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

interface AdjustValues {
  reason: string;
  decidedOn: Dayjs | null;
  document?: string;
  category?: string;
  name?: string;
  location?: string;
  startYear?: number | null;
  endYear?: number | null;
  content?: string;
  investment?: number | null;
  leadUnit?: string;
}

function AdjustModal({ region, project, kind, categories, onClose }: { region: string; project: ProjectItem | null; kind: ChangeKind; categories: string[]; onClose: (saved: boolean) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<AdjustValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const withFields = kind !== '调出';

  const submit = async (v: AdjustValues) => {
    setError(null);
    const edited: ProjectFieldsInput = withFields
      ? {
          category: v.category?.trim() || undefined,
          name: v.name?.trim() || undefined,
          location: v.location?.trim() ?? undefined,
          startYear: v.startYear ?? undefined,
          endYear: v.endYear ?? undefined,
          content: v.content?.trim() ?? undefined,
          investment: v.investment ?? undefined,
          leadUnit: v.leadUnit?.trim() ? v.leadUnit.trim() : kind === '调入' ? undefined : null,
        }
      : {};
    const fields = kind === '调整' && project ? changedFields(project, edited) : Object.fromEntries(Object.entries(edited).filter(([, x]) => x !== undefined));
    const decidedOn = v.decidedOn ? v.decidedOn.format('YYYY-MM-DD') : '';
    if (showProblems(form, checkAdjustmentForm({ kind, reason: v.reason ?? '', decidedOn, fields }), t)) return;
    setBusy(true);
    try {
      await api.changeProject(region, {
        kind,
        ...(project ? { seq: project.seq, rowVersion: project.rowVersion } : {}),
        reason: v.reason.trim(),
        decidedOn,
        document: v.document?.trim() ? v.document.trim() : null,
        ...(withFields ? { fields } : {}),
      });
      onClose(true);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError) showServerIssues(form, e, ['reason', 'decidedOn', 'category', 'name', 'startYear', 'endYear', 'investment']);
    } finally {
      setBusy(false);
    }
  };

  const title = `${changeKindName(kind, lang)}${project ? ` · ${project.seq}. ${project.name}` : ''}`;
  return (
    <Modal open title={`${t('adjust')}${colon(lang)}${title}`} onCancel={() => onClose(false)} onOk={() => form.submit()} okText={t('submit')} okButtonProps={{ danger: kind === '调出' }} confirmLoading={busy} destroyOnHidden width={680}>
      <ApiErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          project
            ? { category: project.category, name: project.name, location: project.location, startYear: project.startYear, endYear: project.endYear, content: project.content, investment: project.investment, leadUnit: project.leadUnit ?? '', decidedOn: null }
            : { decidedOn: null }
        }
      >
        {withFields && (
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="category" label={t('category')}>
                <AutoComplete options={categories.map((c) => ({ value: c }))} filterOption={(input, o) => (o?.value ?? '').includes(input)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="name" label={t('projectName')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="location" label={t('location')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="leadUnit" label={t('leadUnit')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={8}>
              <Form.Item name="startYear" label={t('startYear')}>
                <InputNumber style={{ width: '100%' }} min={2000} max={2100} />
              </Form.Item>
            </Col>
            <Col xs={8}>
              <Form.Item name="endYear" label={t('endYear')}>
                <InputNumber style={{ width: '100%' }} min={2000} max={2100} />
              </Form.Item>
            </Col>
            <Col xs={8}>
              <Form.Item name="investment" label={t('investmentWan')}>
                <InputNumber style={{ width: '100%' }} min={0} id="adjust-investment" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="content" label={t('content')}>
                <Input.TextArea rows={2} maxLength={4000} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col xs={24}>
            <Form.Item name="reason" label={t('adjustmentReason')} rules={[{ required: true, message: t('reasonRequired') }]}>
              <Input.TextArea rows={2} maxLength={2000} id="adjust-reason" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="decidedOn" label={t('decidedOn')} rules={[{ required: true, message: t('required') }]}>
              <DatePicker style={{ width: '100%' }} id="adjust-date" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="document" label={t('document')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="fields" hidden>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
