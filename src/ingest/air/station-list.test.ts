import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { isStoppedOn, parseStationList, printedDate, readNameMark } from './station-list.js';

// The real national station list (站点列表, version of 2022-02-13) lives outside the repository, in
// reference/samples beside the clone (or ECOPLAN_REFERENCE_DIR); the whole-file tests run where it is present.
// The quirk tests below use rows transcribed from it, so they always run.
const SAMPLES = process.env.ECOPLAN_REFERENCE_DIR ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'reference', 'samples');
const LIST = join(SAMPLES, 'stations-2022.02.13.csv');

const enc = (s: string) => new TextEncoder().encode(s);

// Rows copied verbatim from stations-2022.02.13.csv (lines 1, 2, 14, 46, 203, 436, 474, 592, 1250, 1414, 1436, 1540).
const EXCERPT = [
  '监测点编码,监测点名称,城市,经度,纬度,对照点',
  '1001A,万寿西宫,北京,116.3621,39.8784,N',
  '1013A,市监测中心(停运150702),天津,117.151,39.097,Y',
  '1045A,市政府,秦皇岛,-,-,N',
  '1202A,环境监测站,镇江,,,N',
  '1436A,草堂寺（已停运）,成都,104.026,30.6544,N',
  '1475A,职工医院（20181115停运）,兰州,103.7222,36.0812,N',
  '1667A,耿井村(停运20201117),东营,118.5857,37.4442,Y',
  '2467A,甘溪港(对照点),益阳,112.4067,28.6428,Y',
  '2631A,阿里地委(20181130停用),阿里地区,80.0895,32.5039,Y',
  '2653A,雷台(190211停运),武威,102.6469,37.9358,Y',
  '2994A,武警支队(启用161031),金华,119.6533,29.1128,Y',
].join('\n');

describe('station list: the quirks of §8.2 (rows of the 2022-02-13 list)', () => {
  const r = parseStationList(enc(EXCERPT), { file: 'stations.csv' });
  const by = new Map(r.stations.map((s) => [s.code, s]));

  it('reads every row without issues', () => {
    expect(r.issues).toEqual([]);
    expect(r.stations.map((s) => s.code)).toEqual(['1001A', '1013A', '1045A', '1202A', '1436A', '1475A', '1667A', '2467A', '2631A', '2653A', '2994A']);
  });
  it('a plain row', () => {
    // 1001A,万寿西宫,北京,116.3621,39.8784,N
    expect(by.get('1001A')).toEqual({ code: '1001A', name: '万寿西宫', printedName: '万寿西宫', city: '北京', lon: 116.3621, lat: 39.8784, control: false, stopped: false, row: 2 });
  });
  it('(停运YYMMDD): 1013A stopped on 2015-07-02', () => {
    const s = by.get('1013A');
    expect(s).toMatchObject({ name: '市监测中心', printedName: '市监测中心(停运150702)', stopped: true, stoppedOn: '2015-07-02', control: true, lon: 117.151, lat: 39.097 });
  });
  it("'-' coordinates (1045A) and empty coordinates (1202A) are null", () => {
    expect(by.get('1045A')).toMatchObject({ lon: null, lat: null, stopped: false });
    expect(by.get('1202A')).toMatchObject({ lon: null, lat: null, city: '镇江' });
  });
  it('（已停运） in full-width brackets (1436A): stopped, no date', () => {
    const s = by.get('1436A');
    expect(s).toMatchObject({ name: '草堂寺', stopped: true, control: false });
    expect(s?.stoppedOn).toBeUndefined();
  });
  it('（YYYYMMDD停运） (1475A), (停运YYYYMMDD) (1667A), (YYMMDD停运) (2653A), (YYYYMMDD停用) (2631A)', () => {
    expect(by.get('1475A')).toMatchObject({ name: '职工医院', stoppedOn: '2018-11-15' });
    expect(by.get('1667A')).toMatchObject({ name: '耿井村', stoppedOn: '2020-11-17' });
    expect(by.get('2653A')).toMatchObject({ name: '雷台', stoppedOn: '2019-02-11' });
    expect(by.get('2631A')).toMatchObject({ name: '阿里地委', stopped: true, stoppedOn: '2018-11-30' });
  });
  it('对照点 (2467A): control from the Y column, the name keeps "(对照点)" as printed', () => {
    expect(by.get('2467A')).toMatchObject({ name: '甘溪港(对照点)', control: true, stopped: false, city: '益阳', lon: 112.4067, lat: 28.6428 });
  });
  it('(启用161031) (2994A) is a start date, not a stop', () => {
    expect(by.get('2994A')).toMatchObject({ name: '武警支队', stopped: false, startedOn: '2016-10-31' });
  });
  it('isStoppedOn compares the stop date with a day', () => {
    const s = by.get('1013A');
    expect(s && isStoppedOn(s, '2015-07-01')).toBe(false);
    expect(s && isStoppedOn(s, '2015-07-02')).toBe(true);
    const noDate = by.get('1436A');
    expect(noDate && isStoppedOn(noDate, '2013-01-01')).toBe(true);
  });
});

describe('station list: marks and dates', () => {
  it('reads the mark forms and refuses other bracketed text', () => {
    expect(readNameMark('停运150702')).toEqual({ kind: 'stopped', digits: '150702' });
    expect(readNameMark('20181115停运')).toEqual({ kind: 'stopped', digits: '20181115' });
    expect(readNameMark('已停运')).toEqual({ kind: 'stopped', digits: null });
    expect(readNameMark('停用200107')).toEqual({ kind: 'stopped', digits: '200107' });
    expect(readNameMark('启用161031')).toEqual({ kind: 'started', digits: '161031' });
    expect(readNameMark('对照点')).toBeNull();
    expect(readNameMark('东区')).toBeNull();
  });
  it('6-digit dates are 20YY; impossible dates are null', () => {
    expect(printedDate('150702')).toBe('2015-07-02');
    expect(printedDate('20201117')).toBe('2020-11-17');
    expect(printedDate('200230')).toBeNull(); // 30 February
    expect(printedDate('1507')).toBeNull();
  });
  it('an impossible stop date is a warning; the station is still stopped', () => {
    const r = parseStationList(enc('监测点编码,监测点名称,城市,经度,纬度,对照点\n9001A,某站(停运151332),某市,110,30,N\n'), { file: 's.csv' });
    expect(r.stations[0]).toMatchObject({ stopped: true, name: '某站' });
    expect(r.stations[0]?.stoppedOn).toBeUndefined();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', row: 2, column: 'B（第 2 列，监测点名称）' });
  });
});

describe('station list: encodings, headers and hostile input', () => {
  it('GBK and UTF-8 with BOM read the same as UTF-8', () => {
    const utf8 = parseStationList(enc(EXCERPT), { file: 'a.csv' });
    const gbk = parseStationList(new Uint8Array(iconv.encode(EXCERPT, 'gbk')), { file: 'b.csv' });
    const bom = parseStationList(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(EXCERPT)]), { file: 'c.csv' });
    expect(gbk.stations).toEqual(utf8.stations);
    expect(bom.stations).toEqual(utf8.stations);
  });
  it('English headers', () => {
    const r = parseStationList(enc('code,name,city,longitude,latitude,control\n1001A,万寿西宫,北京,116.3621,39.8784,N\n'), { file: 'e.csv' });
    expect(r.stations[0]).toMatchObject({ code: '1001A', lon: 116.3621, control: false });
  });
  it('UTF-16, binary, empty and header-only files give issues', () => {
    expect(parseStationList(new Uint8Array([0xff, 0xfe, 0x31, 0]), { file: 'u.csv' }).issues[0]?.message).toMatch(/UTF-16/);
    expect(parseStationList(new Uint8Array([1, 0, 2]), { file: 'b.csv' }).issues[0]?.message).toMatch(/NUL/);
    expect(parseStationList(enc(''), { file: 'e.csv' }).issues[0]?.message).toMatch(/文件为空/);
    expect(parseStationList(enc('监测点编码,监测点名称,城市,经度,纬度,对照点\n'), { file: 'h.csv' }).issues[0]?.message).toMatch(/没有数据行/);
  });
  it('a missing column, a bad coordinate, a bad 对照点 and a conflicting duplicate reject the list, each issue placed', () => {
    expect(parseStationList(enc('监测点编码,城市,经度,纬度\n1001A,北京,116,39\n'), { file: 'm.csv' }).issues[0]?.message).toMatch(/缺少列：监测点名称/);
    const text = ['监测点编码,监测点名称,城市,经度,纬度,对照点', '1001A,万寿西宫,北京,东经116,39.8784,N', '1002A,定陵,北京,116.2202,40.2915,maybe', '1003A,东四,北京,116.4174,39.9289,N', '1003A,东四二,北京,116.4174,39.9289,N'].join('\n');
    const r = parseStationList(enc(text), { file: 'bad.csv' });
    expect(r.stations).toEqual([]);
    expect(r.issues.map((i) => [i.severity, i.row, i.column])).toEqual([
      ['error', 2, 'D（第 4 列，经度）'],
      ['error', 3, 'F（第 6 列，对照点）'],
      ['error', 5, 'A（第 1 列，监测点编码）'],
    ]);
  });
  it('swapped coordinates are a warning', () => {
    const r = parseStationList(enc('监测点编码,监测点名称,城市,经度,纬度,对照点\n1001A,万寿西宫,北京,39.8784,116.3621,N\n'), { file: 's.csv' });
    expect(r.stations).toHaveLength(1);
    expect(r.issues.map((i) => i.severity)).toEqual(['warning', 'warning']);
  });
  it('many warnings never reject the list: past 200 they are counted in one closing warning', () => {
    // 250 rows whose codes are not "4 digits + a capital letter": 250 warnings, 199 listed + 1 closing note.
    const rows = Array.from({ length: 250 }, (_, i) => `X${i},站${i},某市,110,30,N`);
    const r = parseStationList(enc(['监测点编码,监测点名称,城市,经度,纬度,对照点', ...rows].join('\n')), { file: 'w.csv' });
    expect(r.stations).toHaveLength(250);
    expect(r.issues).toHaveLength(200);
    expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(r.issues[199]?.message).toBe('另有 51 条警告未列出 / 51 more warnings not listed');
  });
  it('a __proto__ header is refused', () => {
    const r = parseStationList(enc('监测点编码,监测点名称,城市,经度,纬度,__proto__\n1001A,a,b,116,39,N\n'), { file: 'p.csv' });
    expect(r.stations).toEqual([]);
    expect(r.issues[0]?.message).toMatch(/不允许的列名/);
  });
});

describe.skipIf(!existsSync(LIST))('station list: the whole real file', () => {
  const r = parseStationList(new Uint8Array(readFileSync(LIST)), { file: 'stations-2022.02.13.csv' });
  it('reads all 2,026 stations without issues', () => {
    // 2,027 lines = header + 2,026 rows; every code is unique (checked with `sort | uniq -d`).
    expect(r.issues).toEqual([]);
    expect(r.stations).toHaveLength(2026);
  });
  it('counts: 76 stopped (72 with a date), 250 对照点, 10 without coordinates, 1 with a start date', () => {
    // Counted with grep/awk on the file: 76 names contain 停 (all stop marks; 4 are （已停运） without a date),
    // 250 rows end in Y, 10 rows have '-' or empty coordinates (1045A 1202A 1254A 1347A 2172A 2184A 2302A
    // 2592A 2666A 3019A), and one name has 启用 (2994A).
    expect(r.stations.filter((s) => s.stopped)).toHaveLength(76);
    expect(r.stations.filter((s) => s.stoppedOn !== undefined)).toHaveLength(72);
    expect(r.stations.filter((s) => s.control)).toHaveLength(250);
    expect(r.stations.filter((s) => s.lon === null).map((s) => s.code)).toEqual(['1045A', '1202A', '1254A', '1347A', '2172A', '2184A', '2302A', '2592A', '2666A', '3019A']);
    expect(r.stations.filter((s) => s.startedOn !== undefined).map((s) => s.code)).toEqual(['2994A']);
  });
  it('the rows named in the brief', () => {
    const by = new Map(r.stations.map((s) => [s.code, s]));
    expect(by.get('1013A')).toMatchObject({ stopped: true, stoppedOn: '2015-07-02', row: 14 });
    expect(by.get('1045A')).toMatchObject({ lon: null, lat: null, row: 46 });
    expect(by.get('1202A')).toMatchObject({ lon: null, lat: null, row: 203 });
    expect(by.get('1436A')).toMatchObject({ stopped: true, name: '草堂寺' });
    expect(by.get('1475A')).toMatchObject({ stopped: true, stoppedOn: '2018-11-15' });
    expect(by.get('2467A')).toMatchObject({ control: true, city: '益阳', row: 1250 });
  });
});
