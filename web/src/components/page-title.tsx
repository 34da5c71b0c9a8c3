/**
 * The title line of a screen: the screen's name, the plan it is about, and actions on the right.
 */
import type { ReactNode } from 'react';
import { Space, Typography } from 'antd';

/** A screen title with an optional subtitle and actions. */
export function PageTitle({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: 8, marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={3} className="eco-page-title">
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && <Space wrap>{extra}</Space>}
    </div>
  );
}
