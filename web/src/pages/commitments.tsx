/**
 * 任务: the plan's dated commitments with lead unit, due date, status and evidence; overdue ones stand out
 * (listed first, red row and tag); progress updates with completion date and evidence.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Grid, Input, Modal, Select, Space, Spin, Switch, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError, COMMITMENT_STATUSES, type Commitment, type CommitmentStatus } from '../api.js';
import { ApiErrorAlert } from '../components/api-error.js';
import { showProblems, showServerIssues } from '../components/form-problems.js';
import { PageTitle } from '../components/page-title.js';
import { CommitmentTag } from '../components/tags.js';
import { useLoad } from '../components/use-load.js';
import { colon, formatDate, formatDateTime, paren } from '../format.js';
import { commitmentStatusName } from '../i18n.js';
import { checkCommitmentForm, commitmentCounts, commitmentOrder } from '../model/commitments.js';
import { allowed } from '../permissions.js';
import { useI18n } from '../use-i18n.js';
import type { RegionPageProps } from '../page-props.js';

/** The commitments screen. */
export function CommitmentsPage({ user, plan }: RegionPageProps) {
  const region = plan.region.code;
  const { t, lang } = useI18n();
  const { data, error, reload } = useLoad(() => api.commitments(region), [region]);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [status, setStatus] = useState<CommitmentStatus | undefined>(undefined);
  const [unit, setUnit] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<Commitment | null>(null);
  const wide = Grid.useBreakpoint().lg !== false;

  const rows = useMemo(
    () =>
      (data ?? [])
        .filter((c) => (!overdueOnly || c.status === '逾期') && (!status || c.status === status) && (!unit || c.leadUnit === unit))
        .sort(commitmentOrder),
    [data, overdueOnly, status, unit],
  );
  if (error && !data) return <ApiErrorAlert error={error} />;
  if (!data) return <Spin />;
  const counts = commitmentCounts(data);
  const units = [...new Set(data.map((c) => c.leadUnit).filter((u): u is string => !!u))];
  const ref = { code: region, cityCode: plan.region.city.code };
  const mayUpdate = (c: Commitment) => allowed(user, 'commitment.update', ref, c.leadUnit);

  return (
    <div data-testid="commitments">
      <PageTitle title={t('commitments')} subtitle={plan.title} />
      {counts.overdue > 0 && (
        <Alert type="error" showIcon title={t('overdueN', { n: counts.overdue })} style={{ marginBottom: 12 }} data-testid="overdue-alert" />
      )}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text strong style={{ color: '#cf1322' }}>
            {t('overdueN', { n: counts.overdue })}
          </Typography.Text>
          <Typography.Text>{t('openN', { n: counts.open })}</Typography.Text>
          <Typography.Text style={{ color: '#389e0d' }}>{t('doneN', { n: counts.done })}</Typography.Text>
          <Switch checked={overdueOnly} onChange={setOverdueOnly} /> {t('overdueOnly')}
          <Select allowClear placeholder={t('status')} style={{ minWidth: 120 }} value={status} onChange={(v?: CommitmentStatus) => setStatus(v)} options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: commitmentStatusName(s, lang) }))} />
          <Select allowClear placeholder={t('leadUnit')} style={{ minWidth: 160 }} value={unit} onChange={(v?: string) => setUnit(v)} options={units.map((u) => ({ value: u, label: u }))} />
        </Space>
        <Table<Commitment>
          size="small"
          rowKey="seq"
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50 } : false}
          scroll={{ x: 1100 }}
          rowClassName={(c) => (c.status === '逾期' ? 'eco-row-overdue' : '')}
          data-testid="commitment-table"
          expandable={{ expandedRowRender: (c) => <Typography.Paragraph style={{ margin: 0 }}>{`${t('printedText')}${colon(lang)}${c.text}`}</Typography.Paragraph> }}
          columns={[
            { title: t('seq'), dataIndex: 'seq', key: 'seq', width: 56 },
            { title: t('section'), dataIndex: 'section', key: 'section', width: 110 },
            { title: t('action'), dataIndex: 'action', key: 'action', width: 280, render: (a: string, c) => (c.targetText ? `${a}${paren(c.targetText, lang)}` : a) },
            {
              title: t('deadline'),
              key: 'deadline',
              width: 150,
              render: (_v, c) => (
                <span>
                  {c.deadlineText}
                  <br />
                  <Typography.Text type={c.status === '逾期' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                    {formatDate(c.deadline, lang)}
                  </Typography.Text>
                </span>
              ),
            },
            { title: t('leadUnit'), dataIndex: 'leadUnit', key: 'leadUnit', width: 140, render: (u: string | null) => u ?? '—' },
            { title: t('status'), dataIndex: 'status', key: 'status', width: 100, render: (s: CommitmentStatus) => <CommitmentTag status={s} /> },
            {
              title: t('evidence'),
              key: 'evidence',
              width: 200,
              render: (_v, c) => (
                <span>
                  {c.evidence ?? '—'}
                  {c.doneOn && (
                    <>
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('doneOn')} {formatDate(c.doneOn, lang)}
                      </Typography.Text>
                    </>
                  )}
                </span>
              ),
            },
            {
              title: t('updatedBy'),
              key: 'updated',
              width: 150,
              render: (_v, c) => (c.updatedBy ? `${c.updatedBy} · ${formatDateTime(c.updatedAt, lang)}` : '—'),
            },
            {
              title: t('actions'),
              key: 'actions',
              width: 100,
              fixed: wide ? 'right' : undefined,
              render: (_v, c) =>
                mayUpdate(c) ? (
                  <Button size="small" type="link" onClick={() => setEditing(c)} data-testid={`commitment-edit-${c.seq}`}>
                    {t('updateProgress')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {editing && (
        <ProgressModal
          region={region}
          commitment={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) reload();
          }}
        />
      )}
    </div>
  );
}

interface ProgressValues {
  started: boolean;
  done: boolean;
  doneOn: Dayjs | null;
  evidence: string;
}

function ProgressModal({ region, commitment, onClose }: { region: string; commitment: Commitment; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ProgressValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: ProgressValues) => {
    setError(null);
    const doneOn = v.doneOn ? v.doneOn.format('YYYY-MM-DD') : null;
    if (showProblems(form, checkCommitmentForm({ started: v.started, done: v.done, doneOn, evidence: v.evidence ?? '' }), t)) return;
    setBusy(true);
    try {
      await api.updateCommitment(region, commitment.seq, { started: v.started, done: v.done, doneOn: v.done ? doneOn : null, evidence: v.evidence?.trim() ? v.evidence.trim() : null, rowVersion: commitment.rowVersion });
      onClose(true);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError) showServerIssues(form, e, ['doneOn', 'evidence']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={`${t('updateProgress')} · ${commitment.seq}. ${commitment.action}`} onCancel={() => onClose(false)} onOk={() => form.submit()} okText={t('save')} confirmLoading={busy} destroyOnHidden>
      <ApiErrorAlert error={error} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {commitment.text}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ started: commitment.started, done: commitment.done, doneOn: commitment.doneOn ? dayjs(commitment.doneOn) : null, evidence: commitment.evidence ?? '' }}
      >
        <Space size="large">
          <Form.Item name="started" valuePropName="checked">
            <Checkbox>{t('started')}</Checkbox>
          </Form.Item>
          <Form.Item name="done" valuePropName="checked">
            <Checkbox>{t('done')}</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item name="doneOn" label={t('doneOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="evidence" label={t('evidence')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
