/**
 * Coloured tags for indicator statuses, schedule lights, commitment statuses and water classes, with the
 * reason in a tooltip when there is one.
 */
import { Tag, Tooltip } from 'antd';
import type { CommitmentStatus, ScheduleLight, Status } from '../api.js';
import { COMMITMENT_COLORS, LIGHT_COLORS, STATUS_COLORS } from '../charts/colors.js';
import { commitmentStatusName, lightName, statusName } from '../i18n.js';
import { useI18n } from '../use-i18n.js';

function withTip(tag: React.ReactElement, tip: string | null | undefined) {
  return tip ? <Tooltip title={tip}>{tag}</Tooltip> : tag;
}

/** An indicator's status. */
export function StatusTag({ status, reason }: { status: Status; reason?: string | null }) {
  const { lang } = useI18n();
  return withTip(
    <Tag color={STATUS_COLORS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {statusName(status, lang)}
    </Tag>,
    reason,
  );
}

/** A project's schedule light. */
export function LightTag({ light, reason }: { light: ScheduleLight; reason?: string | null }) {
  const { lang } = useI18n();
  return withTip(
    <Tag color={LIGHT_COLORS[light]} data-light={light} style={{ marginInlineEnd: 0 }}>
      ● {lightName(light, lang)}
    </Tag>,
    reason,
  );
}

/** A commitment's status. */
export function CommitmentTag({ status }: { status: CommitmentStatus }) {
  const { lang } = useI18n();
  return (
    <Tag color={COMMITMENT_COLORS[status]} data-commitment-status={status} style={{ marginInlineEnd: 0 }}>
      {commitmentStatusName(status, lang)}
    </Tag>
  );
}
