/**
 * Reads a .docx plan document into blocks: paragraphs and real Word tables. A horizontally merged cell
 * (gridSpan) is one cell and a vertically merged continuation (vMerge) is an empty cell, as in Word's own
 * text export, so the same extractor reads both. Line numbers count the body's paragraphs and table rows.
 */
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import type { InputIssue } from '../../domain/errors.js';
import { checkZip, DEFAULT_TABLE_LIMITS } from '../limits.js';
import { cleanLine, type Block, type TableBlock } from './blocks.js';

type Node = Record<string, unknown>;

const CAPTION = /^(续)?表\s*[0-9０-９一二三四五六七八九十]+/;

function children(node: Node, tag: string): Node[] {
  const v = node[tag];
  return Array.isArray(v) ? (v as Node[]) : [];
}

function tagOf(node: Node): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}

function textOf(nodes: Node[]): string {
  let out = '';
  for (const n of nodes) {
    const tag = tagOf(n);
    if (!tag) continue;
    if (tag === '#text') out += String(n['#text']);
    else if (tag === 'w:tab') out += ' ';
    else if (tag === 'w:br') out += '';
    else if (tag !== 'w:instrText' && tag !== 'w:delText') out += textOf(children(n, tag));
  }
  return out;
}

/** Reads the blocks of a .docx file, or the problems that stop it. */
export async function docxToBlocks(bytes: Uint8Array, file: string): Promise<{ ok: true; blocks: Block[] } | { ok: false; issues: InputIssue[] }> {
  const zipProblem = checkZip(bytes, { ...DEFAULT_TABLE_LIMITS, maxUncompressedBytes: 100 * 1024 * 1024 });
  if (zipProblem) return { ok: false, issues: [{ file, message: zipProblem }] };
  let xml: string;
  try {
    const zip = await JSZip.loadAsync(bytes);
    const doc = zip.file('word/document.xml');
    if (!doc) return { ok: false, issues: [{ file, message: '不是 Word 文档：缺少 word/document.xml' }] };
    xml = await doc.async('string');
  } catch (e) {
    return { ok: false, issues: [{ file, message: `无法读取 .docx：${(e as Error).message.split('\n')[0]}` }] };
  }
  let tree: Node[];
  try {
    tree = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, processEntities: true, htmlEntities: false }).parse(xml) as Node[];
  } catch (e) {
    return { ok: false, issues: [{ file, message: `Word 文档 XML 有误：${(e as Error).message.split('\n')[0]}` }] };
  }
  const documentNode = tree.find((n) => tagOf(n) === 'w:document');
  const bodyNode = documentNode ? children(documentNode, 'w:document').find((n) => tagOf(n) === 'w:body') : undefined;
  if (!bodyNode) return { ok: false, issues: [{ file, message: 'Word 文档没有正文' }] };
  const blocks: Block[] = [];
  let line = 0;
  for (const n of children(bodyNode, 'w:body')) {
    const tag = tagOf(n);
    if (tag === 'w:p') {
      line++;
      const t = cleanLine(textOf(children(n, 'w:p')));
      if (t) blocks.push({ kind: 'para', line, text: t });
    } else if (tag === 'w:tbl') {
      const prev = blocks[blocks.length - 1];
      const table: TableBlock = { kind: 'table', line: line + 1, title: prev?.kind === 'para' && CAPTION.test(prev.text) ? prev.text : null, rows: [] };
      for (const tr of children(n, 'w:tbl').filter((x) => tagOf(x) === 'w:tr')) {
        line++;
        const cells: string[] = [];
        for (const tc of children(tr, 'w:tr').filter((x) => tagOf(x) === 'w:tc')) {
          const tcChildren = children(tc, 'w:tc');
          const props = tcChildren.find((x) => tagOf(x) === 'w:tcPr');
          const vMerge = props ? children(props, 'w:tcPr').find((x) => tagOf(x) === 'w:vMerge') : undefined;
          const attrs = vMerge?.[':@'] as Record<string, string> | undefined;
          const continues = vMerge !== undefined && attrs?.['w:val'] !== 'restart';
          const paras = tcChildren.filter((x) => tagOf(x) === 'w:p').map((p) => cleanLine(textOf(children(p, 'w:p'))));
          cells.push(continues ? '' : paras.join(''));
        }
        table.rows.push({ line, cells });
      }
      if (table.rows.length) blocks.push(table);
    }
  }
  return { ok: true, blocks };
}
