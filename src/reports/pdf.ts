/**
 * PDF from the Word report, rendered headless by LibreOffice (Debian's libreoffice-writer-nogui) with the
 * Noto CJK fonts, so the PDF is the same document the bureau can edit.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EcoplanError } from '../domain/errors.js';

/** The LibreOffice program, if installed. */
export function sofficePath(): string | null {
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice']) if (existsSync(p)) return p;
  return null;
}

/** Converts DOCX bytes to PDF bytes (each call uses its own LibreOffice profile, so calls can run side by side). */
export async function docxToPdf(docx: Buffer, timeoutMs = 120_000): Promise<Buffer> {
  const soffice = sofficePath();
  if (!soffice) throw new EcoplanError('internal', '服务器未安装 LibreOffice，无法生成 PDF（apt-get install libreoffice-writer-nogui）', 'LibreOffice is not installed');
  const dir = await mkdtemp(join(tmpdir(), 'ecoplan-pdf-'));
  try {
    const input = join(dir, 'report.docx');
    await writeFile(input, docx);
    await new Promise<void>((resolve, reject) => {
      const p = spawn(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
      p.stderr.on('data', (d: Buffer) => (err += d.toString()));
      p.on('error', (e) => reject(e));
      p.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0 && existsSync(join(dir, 'report.pdf'))) resolve();
        else reject(new EcoplanError('internal', `PDF 生成失败：${err.trim().slice(0, 200)}`, 'PDF conversion failed'));
      });
    });
    return await readFile(join(dir, 'report.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
