/**
 * 审计日志 (auditor only): the audit trail, newest first, filterable by actor and action, with each
 * change's before and after; and the verification of the trail's hash chain.
 */
import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Spin, Table, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { api, type AuditEntry, type AuditVerification, type User } from '../api.js';
import { ApiErrorAlert } from '../components/api-error.js';
import { PageTitle } from '../components/page-title.js';
import { useLoad } from '../components/use-load.js';
import { formatDateTime } from '../format.js';
import { useI18n } from '../use-i18n.js';

const PAGE = 100;

/** The audit screen. */
export function AuditPage(_props: { user: User }) {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<{ actor?: string; action?: string }>({});
  const [beforeId, setBeforeId] = useState<number | undefined>(undefined);
  const { data, error, loading } = useLoad(() => api.audit({ ...filter, limit: PAGE, beforeId }), [filter.actor, filter.action, beforeId]);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerification(await api.auditVerify());
    } catch (e) {
      setVerifyError(e);
    } finally {
      setVerifying(false);
    }
  };

  const json = (v: unknown) => (v === null || v === undefined ? '—' : <code style={{ fontSize: 11, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(v)}</code>);

  return (
    <div data-testid="audit">
      <PageTitle
        title={t('audit')}
        extra={
          <Button icon={<SafetyCertificateOutlined />} onClick={verify} loading={verifying} data-testid="verify-chain">
            {t('verifyChain')}
          </Button>
        }
      />
      {verification &&
        (verification.ok ? (
          <Alert type="success" showIcon title={t('chainOk', { n: verification.rows })} style={{ marginBottom: 12 }} data-testid="chain-result" />
        ) : (
          <Alert type="error" showIcon title={t('chainBroken', { id: verification.problem?.id ?? '?', reason: verification.problem?.reason ?? '' })} style={{ marginBottom: 12 }} data-testid="chain-result" />
        ))}
      <ApiErrorAlert error={verifyError} />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('filterActor')}
            style={{ width: 180 }}
            onSearch={(v) => {
              setBeforeId(undefined);
              setFilter((f) => ({ ...f, actor: v.trim() || undefined }));
            }}
          />
          <Input.Search
            allowClear
            placeholder={t('filterAction')}
            style={{ width: 200 }}
            onSearch={(v) => {
              setBeforeId(undefined);
              setFilter((f) => ({ ...f, action: v.trim() || undefined }));
            }}
          />
          {beforeId !== undefined && <Button onClick={() => setBeforeId(undefined)}>{t('refresh')}</Button>}
        </Space>
        {error ? (
          <ApiErrorAlert error={error} />
        ) : loading || !data ? (
          <Spin />
        ) : (
          <>
            <Table<AuditEntry>
              size="small"
              rowKey="id"
              dataSource={data}
              pagination={false}
              scroll={{ x: 1400 }}
              data-testid="audit-table"
              columns={[
                { title: '#', dataIndex: 'id', key: 'id', width: 64 },
                { title: t('time'), dataIndex: 'at', key: 'at', width: 170, render: (v: string) => formatDateTime(v, lang) },
                { title: t('actor'), dataIndex: 'actor', key: 'actor', width: 110 },
                { title: t('address'), dataIndex: 'address', key: 'address', width: 110, render: (a: string | null) => a ?? '—' },
                { title: t('auditAction'), dataIndex: 'action', key: 'action', width: 140 },
                { title: t('auditTarget'), dataIndex: 'target', key: 'target', width: 180, render: (v: string | null) => v ?? '—' },
                {
                  title: t('outcome'),
                  dataIndex: 'outcome',
                  key: 'outcome',
                  width: 80,
                  render: (o: string) => (
                    <Tag color={o === 'success' ? 'green' : o === 'denied' ? 'red' : 'orange'}>{o === 'success' ? t('outcomeSuccess') : o === 'denied' ? t('outcomeDenied') : o === 'failure' ? t('outcomeFailure') : o}</Tag>
                  ),
                },
                { title: t('before'), dataIndex: 'before', key: 'before', width: 220, render: json },
                { title: t('after'), dataIndex: 'after', key: 'after', width: 280, render: json },
              ]}
            />
            {data.length === PAGE && (
              <Typography.Paragraph style={{ marginTop: 12 }}>
                <Button onClick={() => setBeforeId(data[data.length - 1]?.id)}>{t('olderEntries')}</Button>
              </Typography.Paragraph>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
