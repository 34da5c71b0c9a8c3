/**
 * 数据导入: upload indicator values (CSV/XLSX) or monitoring data (air or surface water) with a progress bar.
 * The server writes every row or none and names each problem by file, sheet, row and column, which the page
 * lists; a monitoring import answers the indicator values it computed and those it could not.
 */
import { useState } from 'react';
import { Alert, Button, Card, Form, Progress, Radio, Select, Space, Table, Typography, Upload } from 'antd';
import { CloudUploadOutlined, InboxOutlined } from '@ant-design/icons';
import { api, type MonitoringImportResult } from '../api.js';
import { ApiErrorAlert } from '../components/api-error.js';
import { PageTitle } from '../components/page-title.js';
import { formatNumber, formatYear, paren } from '../format.js';
import { defaultYear } from '../model/plan.js';
import { allowed } from '../permissions.js';
import { navigate } from '../router.js';
import { useI18n } from '../use-i18n.js';
import type { RegionPageProps } from '../page-props.js';

type Kind = 'values' | 'air' | 'water';

/** The import screen. */
export function ImportPage({ user, plan }: RegionPageProps) {
  const { t, lang } = useI18n();
  const region = plan.region.code;
  const mayImportMonitoring = allowed(user, 'data.import', { code: region, cityCode: plan.region.city.code });
  const thisYear = new Date().getFullYear();
  const [kind, setKind] = useState<Kind>('values');
  const [year, setYear] = useState(() => defaultYear(plan.period, thisYear));
  const [standard, setStandard] = useState<'auto' | '2026'>('auto');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [monitoring, setMonitoring] = useState<MonitoringImportResult | null>(null);
  const years: number[] = [];
  for (let y = plan.period.baseline; y <= Math.max(plan.period.end, thisYear); y++) years.push(y);

  const reset = () => {
    setImported(null);
    setMonitoring(null);
    setError(null);
    setProgress(null);
  };

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    reset();
    setProgress(0);
    try {
      if (kind === 'values') {
        const r = await api.importValues(file, file.name, setProgress);
        setImported(r.imported);
      } else {
        const r = await api.importMonitoring(region, { kind, year, standard, filename: file.name }, file, setProgress);
        setMonitoring(r);
      }
      setProgress(100);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const accept = kind === 'values' ? '.csv,.xlsx' : kind === 'air' ? '.csv,.xlsx,.zip' : '.csv,.xlsx';
  return (
    <div data-testid="import">
      <PageTitle title={t('importTitle')} subtitle={plan.title} />
      <Card size="small">
        {mayImportMonitoring && (
          <Radio.Group
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setFile(null);
              reset();
            }}
            optionType="button"
            buttonStyle="solid"
            style={{ marginBottom: 16 }}
            options={[
              { value: 'values', label: t('importValues') },
              { value: 'air', label: t('importAir') },
              { value: 'water', label: t('importWater') },
            ]}
            data-testid="import-kind"
          />
        )}
        {kind === 'values' ? (
          <>
            <Typography.Paragraph>{t('importHint')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              <code>地区代码,序号,年份,数值,备注</code>
              <br />
              <code>{region},1,2025,33,</code>
            </Typography.Paragraph>
          </>
        ) : (
          <>
            <Typography.Paragraph>{t(kind === 'air' ? 'importAirHint' : 'importWaterHint')}</Typography.Paragraph>
            <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
              <Form.Item label={t('year')}>
                <Select value={year} style={{ width: 110 }} onChange={(y: number) => setYear(y)} options={years.map((y) => ({ value: y, label: formatYear(y, lang) }))} data-testid="import-year" />
              </Form.Item>
              {kind === 'air' && (
                <Form.Item label={t('importStandard')}>
                  <Select
                    value={standard}
                    style={{ minWidth: 240 }}
                    onChange={(v: 'auto' | '2026') => setStandard(v)}
                    options={[
                      { value: 'auto', label: t('standardAuto') },
                      { value: '2026', label: t('standard2026') },
                    ]}
                  />
                </Form.Item>
              )}
            </Form>
          </>
        )}
        <Upload.Dragger
          accept={accept}
          maxCount={1}
          multiple={false}
          beforeUpload={(f) => {
            setFile(f);
            reset();
            return false;
          }}
          onRemove={() => {
            setFile(null);
            reset();
          }}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">
            {t('chooseFile')}{paren(accept.split(',').join(' / '), lang)}
          </p>
        </Upload.Dragger>
        <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Button type="primary" icon={<CloudUploadOutlined />} disabled={!file} loading={busy} onClick={upload} data-testid="import-submit">
            {busy ? t('uploading') : t('upload')}
          </Button>
          {progress !== null && <Progress percent={progress} status={error ? 'exception' : imported !== null || monitoring ? 'success' : 'active'} data-testid="import-progress" />}
          {imported !== null && <Alert type="success" showIcon title={t('importedN', { n: imported })} data-testid="import-result" />}
          {monitoring && <MonitoringResult result={monitoring} kind={kind} region={region} />}
          {error ? <ApiErrorAlert error={error} /> : null}
        </Space>
      </Card>
    </div>
  );
}

function MonitoringResult({ result, kind, region }: { result: MonitoringImportResult; kind: Kind; region: string }) {
  // The monitoring screen opens on the year just imported.
  const { t } = useI18n();
  return (
    <div data-testid="import-result">
      <Alert
        type={result.recorded.length ? 'success' : 'warning'}
        showIcon
        title={t('importedN', { n: result.recorded.length })}
        action={
          kind === 'air' ? (
            <Button size="small" onClick={() => navigate({ name: 'monitoring', region, year: result.year })} data-testid="view-monitoring">
              {t('viewMonitoring')}
            </Button>
          ) : undefined
        }
        style={{ marginBottom: 12 }}
      />
      {result.recorded.length > 0 && (
        <Table
          size="small"
          title={() => t('recordedValues')}
          rowKey="seq"
          pagination={false}
          dataSource={result.recorded}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('seq'), dataIndex: 'seq', key: 'seq' },
            { title: t('indicatorName'), dataIndex: 'name', key: 'name' },
            { title: t('value'), dataIndex: 'value', key: 'value', align: 'right', render: (v: number | null) => formatNumber(v, 1) },
            { title: t('metric'), dataIndex: 'metric', key: 'metric' },
            { title: t('standardUsed'), dataIndex: 'standard', key: 'standard' },
          ]}
        />
      )}
      {result.skipped.length > 0 && (
        <Table
          size="small"
          title={() => t('skippedValues')}
          rowKey="seq"
          pagination={false}
          dataSource={result.skipped}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('seq'), dataIndex: 'seq', key: 'seq' },
            { title: t('indicatorName'), dataIndex: 'name', key: 'name' },
            { title: t('metric'), dataIndex: 'metric', key: 'metric' },
            { title: t('reason'), dataIndex: 'reason', key: 'reason' },
          ]}
        />
      )}
    </div>
  );
}
