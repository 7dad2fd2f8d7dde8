import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The text of each page of a PDF, extracted with pdfjs-dist. */
export function pdfPages(pdf: Buffer): string[] {
  const r = spawnSync(process.execPath, [join(__dirname, 'pdf-text.mjs')], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdf-text failed: ${r.stderr.toString()}`);
  return JSON.parse(r.stdout.toString()) as string[];
}
