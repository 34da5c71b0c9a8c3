// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { ApiError } from '../api.js';
import { renderInApp } from '../test-render.js';
import { ApiErrorAlert } from './api-error.js';

afterEach(cleanup);

// The shape src/services/imports.ts answers for a file with bad rows.
const IMPORT_ERROR = new ApiError(400, 'invalid_input', '文件 values.csv 有 2 处错误，未写入任何数据', 'values.csv has errors; nothing was written', [
  { file: 'values.csv', row: 3, column: '年份', message: '年份应为 2020–2025 之间的整数（收到 2031）' },
  { file: 'values.csv', row: 5, column: '数值', message: '数值应为数字' },
]);

describe('the error alert', () => {
  it('shows the Chinese message and one row per issue', () => {
    renderInApp(<ApiErrorAlert error={IMPORT_ERROR} />);
    expect(screen.getByText('文件 values.csv 有 2 处错误，未写入任何数据')).toBeTruthy();
    const rows = screen.getByTestId('issues').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('年份应为 2020–2025 之间的整数（收到 2031）');
    expect(rows[1]?.textContent).toContain('数值应为数字');
  });

  it('shows the English message in English', () => {
    renderInApp(<ApiErrorAlert error={IMPORT_ERROR} />, 'en');
    expect(screen.getByText('values.csv has errors; nothing was written')).toBeTruthy();
    expect(screen.getByText('Row')).toBeTruthy();
  });

  it('shows the current record of a conflict', () => {
    const conflict = new ApiError(409, 'conflict', '项目 1「岳阳市岳阳楼区郭镇乡麻布村芭蕉水库综合整治项目」已被他人修改，请刷新后重试', 'The project was changed by someone else; reload and retry', [], { current: { investment: 200000, status: '在建' }, rowVersion: 2 });
    renderInApp(<ApiErrorAlert error={conflict} />);
    expect(screen.getByText('当前记录（已被他人修改）：')).toBeTruthy();
    expect(screen.getByText('200000')).toBeTruthy();
    expect(screen.getByText('在建')).toBeTruthy();
  });

  it('shows nothing without an error', () => {
    const { container } = renderInApp(<ApiErrorAlert error={null} />);
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });
});
