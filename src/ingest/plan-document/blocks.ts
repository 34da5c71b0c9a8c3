/**
 * A plan document as a sequence of blocks — paragraphs and tables — with the line (or paragraph number) each
 * came from. Two readers produce it: the plain-text export of a Word document (tables one cell per line,
 * each cell starting with a tab, rows separated by an empty line, a cell's second line without a tab), and a
 * .docx file (real Word tables; see docx-blocks.ts). Pure: no I/O.
 */

/** A paragraph of text. */
export interface ParaBlock {
  kind: 'para';
  line: number;
  text: string;
}

/** A table row: its cells as printed (merged cells empty) and where it starts. */
export interface TableRowBlock {
  line: number;
  cells: string[];
}

/** A table: its caption (the 表N line just before it, if any) and its rows, the first being the header. */
export interface TableBlock {
  kind: 'table';
  line: number;
  title: string | null;
  rows: TableRowBlock[];
}

/** A block of a plan document. */
export type Block = ParaBlock | TableBlock;

/** Removes Word's bookmark marks and surrounding white space from a line of the text export. */
export function cleanLine(s: string): string {
  return s.replace(/\[bookmark: [^\]]*\]/g, '').replace(/\u00a0/g, ' ').trim();
}

const CAPTION = /^(续)?表\s*[0-9０-９一二三四五六七八九十]+/;

/** Reads the plain-text export of a plan document into blocks. */
export function textToBlocks(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const blocks: Block[] = [];
  let i = 0;
  const lastCaption = (): string | null => {
    for (let k = blocks.length - 1; k >= 0 && k >= blocks.length - 2; k--) {
      const b = blocks[k];
      if (b?.kind === 'para' && CAPTION.test(b.text)) return b.text;
    }
    return null;
  };
  while (i < lines.length) {
    const raw = lines[i] ?? '';
    if (raw.startsWith('\t')) {
      const table: TableBlock = { kind: 'table', line: i + 1, title: lastCaption(), rows: [] };
      // Rows: runs of non-empty lines; a run ends at an empty line. The table ends when the next
      // non-empty line after an empty line does not start with a tab.
      while (i < lines.length) {
        const row: TableRowBlock = { line: i + 1, cells: [] };
        while (i < lines.length && (lines[i] ?? '') !== '') {
          const l = lines[i] ?? '';
          if (l.startsWith('\t')) row.cells.push(cleanLine(l));
          else if (row.cells.length > 0) row.cells[row.cells.length - 1] += cleanLine(l);
          else row.cells.push(cleanLine(l));
          i++;
        }
        if (row.cells.length) table.rows.push(row);
        let j = i;
        while (j < lines.length && (lines[j] ?? '') === '') j++;
        if (j < lines.length && (lines[j] ?? '').startsWith('\t')) i = j;
        else {
          i = j;
          break;
        }
      }
      if (table.rows.length) blocks.push(table);
      continue;
    }
    const t = cleanLine(raw);
    if (t) blocks.push({ kind: 'para', line: i + 1, text: t });
    i++;
  }
  return blocks;
}
