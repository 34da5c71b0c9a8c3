import { describe, it, expect } from 'vitest';
import { findColumn, headerKey, loadTable, parseDateCell, parseValueCell } from './cells.js';

// Expected values are worked out by hand from the notations of Chinese monitoring reports (ND, 未检出,
// "<检出限", "检出限+L") and calendar facts.

describe('value cells', () => {
  it('reads plain, full-width, signed, scientific and thousands-separated numbers', () => {
    expect(parseValueCell('0.32')).toEqual({ kind: 'number', value: 0.32 });
    expect(parseValueCell(' ０．０５ ')).toEqual({ kind: 'number', value: 0.05 });
    expect(parseValueCell('.5')).toEqual({ kind: 'number', value: 0.5 });
    expect(parseValueCell('-1.5')).toEqual({ kind: 'number', value: -1.5 });
    expect(parseValueCell('2.4E3')).toEqual({ kind: 'number', value: 2400 });
    expect(parseValueCell('24,000')).toEqual({ kind: 'number', value: 24000 });
  });

  it('reads results below detection with and without the limit', () => {
    expect(parseValueCell('ND')).toEqual({ kind: 'belowDetection', limit: null });
    expect(parseValueCell('n.d.')).toEqual({ kind: 'belowDetection', limit: null });
    expect(parseValueCell('未检出')).toEqual({ kind: 'belowDetection', limit: null });
    expect(parseValueCell('<0.01')).toEqual({ kind: 'belowDetection', limit: 0.01 });
    expect(parseValueCell('＜0.01')).toEqual({ kind: 'belowDetection', limit: 0.01 });
    expect(parseValueCell('≤0.004')).toEqual({ kind: 'belowDetection', limit: 0.004 });
    expect(parseValueCell('0.01L')).toEqual({ kind: 'belowDetection', limit: 0.01 });
    expect(parseValueCell('ND(0.0004)')).toEqual({ kind: 'belowDetection', limit: 0.0004 });
    expect(parseValueCell('未检出（0.01）')).toEqual({ kind: 'belowDetection', limit: 0.01 });
  });

  it('treats dashes and blanks as empty and anything else as invalid', () => {
    for (const t of ['', '  ', '-', '—', '/', 'NA', '无']) expect(parseValueCell(t), t).toEqual({ kind: 'empty' });
    for (const t of ['abc', '1.2.3', '0x10', 'Infinity', '1e999', '<0', '<-1', '12mg', 'NaN', '1,23']) expect(parseValueCell(t), t).toEqual({ kind: 'invalid' });
  });
});

describe('date cells', () => {
  it('reads days and months in the usual Chinese forms', () => {
    expect(parseDateCell('2025-05-12')).toBe('2025-05-12');
    expect(parseDateCell('2025/5/2')).toBe('2025-05-02');
    expect(parseDateCell('2025.05.12')).toBe('2025-05-12');
    expect(parseDateCell('20250512')).toBe('2025-05-12');
    expect(parseDateCell('2025年5月12日')).toBe('2025-05-12');
    expect(parseDateCell('2025-05-12 09:30')).toBe('2025-05-12');
    expect(parseDateCell('2025-05')).toBe('2025-05');
    expect(parseDateCell('2025年5月')).toBe('2025-05');
    expect(parseDateCell('202505')).toBe('2025-05');
  });

  it('refuses days that do not exist and other text', () => {
    // 2025 is not a leap year; 2024 is.
    expect(parseDateCell('2025-02-29')).toBeNull();
    expect(parseDateCell('2024-02-29')).toBe('2024-02-29');
    for (const t of ['2025-13-01', '2025-04-31', '45123', 'May 2025', '', '1899-12-31', '2025-00']) expect(parseDateCell(t), t).toBeNull();
  });
});

describe('headers', () => {
  it('matches headers after NFKC, case folding and a bracketed unit', () => {
    expect(headerKey('浓度（mg/L）')).toBe('浓度');
    expect(headerKey('\uFEFFSection')).toBe('section');
    expect(headerKey('昼间Ld(dB(A))')).toBe('昼间ld');
    expect(findColumn(['序号', '断面编码', '断面名称'], ['断面名称', '断面', '断面编码'])).toBe(2);
    expect(findColumn(['a', 'b'], ['c'])).toBe(-1);
  });
});

describe('loading a table', () => {
  it('refuses legacy .xls, UTF-16 and unknown extensions with a message', async () => {
    const xls = await loadTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), { file: 'a.xls' });
    expect(xls.ok === false && xls.issues[0]?.message).toContain('.xls');
    const utf16 = await loadTable(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), { file: 'a.csv' });
    expect(utf16.ok === false && utf16.issues[0]?.message).toContain('UTF-16');
    const json = await loadTable(new TextEncoder().encode('{}'), { file: 'a.json' });
    expect(json.ok === false && json.issues[0]?.message).toContain('.csv');
  });

  it('names cells that could not be decoded', async () => {
    // 0xFF is not a valid byte in UTF-8 or GB18030: the decoder yields U+FFFD in row 2, column B.
    const bytes = new Uint8Array([...new TextEncoder().encode('a,b\n1,'), 0xff, 0x0a]);
    const r = await loadTable(bytes, { file: 'x.csv' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ file: 'x.csv', row: 2, column: 'B' });
  });

  it('refuses prototype-polluting headers in any case', async () => {
    const r = await loadTable(new TextEncoder().encode('section,Constructor\n1,2\n'), { file: 'p.csv' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ row: 1, column: 'B' });
  });
});
