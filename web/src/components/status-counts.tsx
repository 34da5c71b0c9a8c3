/**
 * The status counts of a plan's indicators as a small table: binding indicators first, then expected, then
 * the total, one column per status in its colour.
 */
import { Table } from 'antd';
import { STATUSES, type PlanAssessment, type Status } from '../api.js';
import { STATUS_COLORS } from '../charts/colors.js';
import { statusName } from '../i18n.js';
import { useI18n } from '../use-i18n.js';

/** The counts table. */
export function StatusCounts({ summary }: { summary: PlanAssessment['summary'] }) {
  const { t, lang } = useI18n();
  const rows = [
    { key: 'binding', label: t('bindingIndicators'), total: summary.binding.total, ...summary.binding.byStatus },
    { key: 'expected', label: t('expectedIndicators'), total: summary.expected.total, ...summary.expected.byStatus },
    { key: 'total', label: t('total'), total: summary.total, ...summary.byStatus },
  ];
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      scroll={{ x: 520 }}
      data-testid="status-counts"
      columns={[
        { title: '', dataIndex: 'label', key: 'label', render: (v: string, r) => (r.key === 'binding' ? <strong>{v}</strong> : v) },
        { title: t('total'), dataIndex: 'total', key: 'total', align: 'right' },
        ...STATUSES.map((s: Status) => ({
          title: <span style={{ color: STATUS_COLORS[s], fontWeight: 600 }}>{statusName(s, lang)}</span>,
          dataIndex: s,
          key: s,
          align: 'right' as const,
          render: (n: number) => (n ? <span style={{ color: STATUS_COLORS[s], fontWeight: 600 }}>{n}</span> : <span className="eco-muted">0</span>),
        })),
      ]}
    />
  );
}
