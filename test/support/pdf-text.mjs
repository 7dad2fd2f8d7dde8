// Prints the text of each page of a PDF (read from stdin) as JSON: pdfjs-dist is an
// ES module that Jest's CommonJS runtime cannot load, so tests run it in a child.
import { readFileSync } from 'node:fs';
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const data = new Uint8Array(readFileSync(0));
const pdf = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
const pages = [];
for (let i = 1; i <= pdf.numPages; i++) {
  const content = await (await pdf.getPage(i)).getTextContent();
  pages.push(content.items.map((item) => item.str).join(' '));
}
process.stdout.write(JSON.stringify(pages));
