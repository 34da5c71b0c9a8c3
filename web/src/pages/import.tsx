/**
 * 数据导入: upload a values file (CSV or XLSX) with a progress bar; the server writes every row or none and
 * names each problem by file, sheet, row and column, which the page lists.
 */
import { useState } from 'react';
import { Alert, Button, Card, Progress, Space, Typography, Upload } from 'antd';
import { CloudUploadOutlined, InboxOutlined } from '@ant-design/icons';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error.js';
import { PageTitle } from '../components/page-title.js';
import { useI18n } from '../use-i18n.js';
import type { RegionPageProps } from './overview.js';

/** The import screen. */
export function ImportPage({ plan }: RegionPageProps) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [imported, setImported] = useState<number | null>(null);

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setImported(null);
    setProgress(0);
    try {
      const r = await api.importValues(file, file.name, setProgress);
      setProgress(100);
      setImported(r.imported);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="import">
      <PageTitle title={t('importTitle')} subtitle={plan.title} />
      <Card size="small">
        <Typography.Paragraph>{t('importHint')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          <code>地区代码,序号,年份,数值,备注</code>
          <br />
          <code>{plan.region.code},1,2025,33,</code>
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".csv,.xlsx"
          maxCount={1}
          multiple={false}
          beforeUpload={(f) => {
            setFile(f);
            setImported(null);
            setError(null);
            setProgress(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setProgress(null);
          }}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('chooseFile')}（.csv / .xlsx）</p>
        </Upload.Dragger>
        <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Button type="primary" icon={<CloudUploadOutlined />} disabled={!file} loading={busy} onClick={upload} data-testid="import-submit">
            {busy ? t('uploading') : t('upload')}
          </Button>
          {progress !== null && <Progress percent={progress} status={error ? 'exception' : imported !== null ? 'success' : 'active'} data-testid="import-progress" />}
          {imported !== null && <Alert type="success" showIcon title={t('importedN', { n: imported })} data-testid="import-result" />}
          {error ? <ApiErrorAlert error={error} /> : null}
        </Space>
      </Card>
    </div>
  );
}
