import { describe, it, expect } from 'vitest';
import { dispositionFileName } from './download.js';

describe('the file name of a download', () => {
  it('prefers the UTF-8 name the server gives (src/server/app.ts report route)', () => {
    const header = `attachment; filename="report.docx"; filename*=UTF-8''${encodeURIComponent('岳阳市岳阳楼区2025年终期考核报告.docx')}`;
    expect(dispositionFileName(header, 'x')).toBe('岳阳市岳阳楼区2025年终期考核报告.docx');
  });
  it('falls back to the plain name, then to the given one', () => {
    expect(dispositionFileName('attachment; filename="plan-430602.yaml"', 'x')).toBe('plan-430602.yaml');
    expect(dispositionFileName('attachment; filename=plan.json', 'x')).toBe('plan.json');
    expect(dispositionFileName(null, 'report.pdf')).toBe('report.pdf');
    expect(dispositionFileName("attachment; filename*=UTF-8''%E0%A4%A", 'bad.docx')).toBe('bad.docx');
  });
});
