/**
 * Shows an API error as the server worded it (Chinese or English) with its per-row issues, and for a 409
 * conflict the record as it stands now.
 */
import { Alert, Descriptions, Table } from 'antd';
import { ApiError, type ApiIssue } from '../api.js';
import { useI18n } from '../use-i18n.js';

/** The message of any error in the UI language. */
export function errorText(e: unknown, lang: 'zh' | 'en'): string {
  if (e instanceof ApiError) return e.text(lang);
  if (e instanceof Error) return e.message;
  return String(e);
}

/** The conflict's current record, when the error carries one. */
export function conflictCurrent(e: unknown): Record<string, unknown> | null {
  if (!(e instanceof ApiError) || e.status !== 409) return null;
  const d = e.details as { current?: unknown } | undefined;
  return d && d.current && typeof d.current === 'object' ? (d.current as Record<string, unknown>) : null;
}

/** The issues table of an error. */
export function IssuesTable({ issues }: { issues: ApiIssue[] }) {
  const { t } = useI18n();
  const has = (k: keyof ApiIssue) => issues.some((i) => i[k] !== undefined && i[k] !== null && i[k] !== '');
  const columns = [
    ...(has('file') ? [{ title: t('file'), dataIndex: 'file', key: 'file' }] : []),
    ...(has('sheet') ? [{ title: t('sheet'), dataIndex: 'sheet', key: 'sheet' }] : []),
    ...(has('row') ? [{ title: t('row'), dataIndex: 'row', key: 'row', width: 70 }] : []),
    ...(has('column') ? [{ title: t('column'), dataIndex: 'column', key: 'column', width: 90 }] : []),
    ...(has('path') ? [{ title: t('field'), dataIndex: 'path', key: 'path' }] : []),
    { title: t('message'), dataIndex: 'message', key: 'message' },
  ];
  return (
    <Table
      size="small"
      data-testid="issues"
      rowKey="key"
      columns={columns}
      dataSource={issues.map((issue, i) => ({ ...issue, key: i }))}
      pagination={issues.length > 20 ? { pageSize: 20 } : false}
    />
  );
}

/** An error alert. */
export function ApiErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const { lang, t } = useI18n();
  if (!error) return null;
  const issues = error instanceof ApiError ? error.issues : [];
  const current = conflictCurrent(error);
  const showIssues = issues.length > 1 || (issues.length === 1 && (issues[0]?.row !== undefined || issues[0]?.message !== errorText(error, lang)));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      closable={onClose ? { onClose } : undefined}
      title={errorText(error, lang)}
      description={
        showIssues || current ? (
          <>
            {showIssues && <IssuesTable issues={issues} />}
            {current && (
              <Descriptions size="small" column={1} title={t('conflictCurrent')} bordered items={Object.entries(current).map(([k, v]) => ({ key: k, label: k, children: v === null ? '—' : String(v) }))} />
            )}
          </>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
