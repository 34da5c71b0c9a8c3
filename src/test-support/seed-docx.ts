/**
 * Builds a real .docx (Word paragraphs and tables) from a plan's exported text, for the import tests: empty
 * cells in a table's first column become vertically merged cells, as Word writes merged category cells.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { textToBlocks } from '../ingest/plan-document/blocks.js';

/** The .docx bytes of a plan document given as exported text. */
export async function docxFromExportedText(text: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const b of textToBlocks(text)) {
    if (b.kind === 'para') {
      children.push(new Paragraph({ children: [new TextRun(b.text)] }));
      continue;
    }
    const rows = b.rows.map((r, ri) =>
      new TableRow({
        children: r.cells.map((c, ci) => {
          const nextEmpty = ci === 0 && c !== '' && b.rows[ri + 1]?.cells[0] === '';
          const merged = ci === 0 && c === '' && ri > 0;
          return new TableCell({
            children: [new Paragraph({ children: [new TextRun(c)] })],
            ...(merged ? { verticalMerge: VerticalMergeType.CONTINUE } : nextEmpty ? { verticalMerge: VerticalMergeType.RESTART } : {}),
          });
        }),
      }),
    );
    children.push(new Table({ rows }));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
