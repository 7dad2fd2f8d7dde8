import PDFDocument from 'pdfkit';
import { join } from 'node:path';
import { niceTicks } from './nice-ticks';

// Small drawing kit for A4 reports on top of pdfkit: a Japanese font embedded from
// the npm package (@expo-google-fonts/noto-sans-jp, subset by pdfkit, so no system
// font is assumed), headings, key figures, tables and bar charts.

export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

function fontFile(weight: '400Regular' | '700Bold'): string {
  const pkg = require.resolve('@expo-google-fonts/noto-sans-jp/package.json');
  return join(pkg, '..', weight, `NotoSansJP_${weight}.ttf`);
}

export const num = (n: number) => n.toLocaleString('ja-JP');

export class Report {
  readonly doc: PDFKit.PDFDocument;
  readonly left = 48;
  readonly width: number;

  constructor(info: { title: string; subject?: string }) {
    this.doc = new PDFDocument({ size: 'A4', margins: { top: 48, bottom: 56, left: 48, right: 48 }, info: { Title: info.title, Subject: info.subject }, bufferPages: true });
    this.doc.registerFont('jp', fontFile('400Regular'));
    this.doc.registerFont('jp-bold', fontFile('700Bold'));
    this.doc.font('jp');
    this.width = this.doc.page.width - 96;
  }

  get y(): number {
    return this.doc.y;
  }

  /** Starts a new page when less than `height` points are left. */
  ensure(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  /** Starts the next section on a page of its own. */
  page(): void {
    this.doc.addPage();
  }

  title(text: string, sub: string): void {
    const d = this.doc;
    d.rect(this.left, d.y, this.width, 56).fill('#0d47a1');
    d.fillColor('#ffffff').font('jp-bold').fontSize(18).text(text, this.left + 14, d.y + 9, { width: this.width - 28 });
    d.font('jp').fontSize(10).text(sub, this.left + 14, d.y + 2, { width: this.width - 28 });
    d.fillColor('#000000');
    d.y += 18;
  }

  section(text: string): void {
    this.ensure(90);
    const d = this.doc;
    d.moveDown(0.6);
    const y = d.y;
    d.rect(this.left, y, 4, 16).fill('#0d47a1');
    d.fillColor('#0d47a1').font('jp-bold').fontSize(13).text(text, this.left + 10, y - 1);
    d.fillColor('#000000').font('jp');
    d.moveDown(0.4);
  }

  note(text: string): void {
    this.doc.font('jp').fontSize(8.5).fillColor('#555555').text(text, this.left, this.doc.y, { width: this.width });
    this.doc.fillColor('#000000');
  }

  /** A row of boxed key figures. */
  figures(items: { label: string; value: string; hint?: string }[]): void {
    this.ensure(64);
    const d = this.doc;
    const gap = 8;
    const w = (this.width - gap * (items.length - 1)) / items.length;
    const y = d.y;
    items.forEach((it, i) => {
      const x = this.left + i * (w + gap);
      d.roundedRect(x, y, w, 54, 4).lineWidth(0.8).strokeColor('#90a4ae').stroke();
      d.fillColor('#455a64').fontSize(8.5).text(it.label, x + 8, y + 6, { width: w - 16 });
      d.fillColor('#000000').font('jp-bold').fontSize(15).text(it.value, x + 8, y + 20, { width: w - 16 });
      if (it.hint) d.font('jp').fillColor('#607d8b').fontSize(7.5).text(it.hint, x + 8, y + 40, { width: w - 16 });
      d.font('jp').fillColor('#000000');
    });
    d.x = this.left;
    d.y = y + 62;
  }

  table(columns: { header: string; width: number; align?: 'left' | 'right' }[], rows: string[][]): void {
    const d = this.doc;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const rowH = 16;
    const drawHeader = () => {
      const y = d.y;
      d.rect(this.left, y, this.width, rowH).fill('#e3f2fd');
      d.fillColor('#0d47a1').font('jp-bold').fontSize(8.5);
      let x = this.left;
      columns.forEach((c, i) => {
        d.text(c.header, x + 4, y + 3.5, { width: widths[i] - 8, align: c.align ?? 'left', lineBreak: false });
        x += widths[i];
      });
      d.fillColor('#000000').font('jp');
      d.y = y + rowH;
    };
    this.ensure(rowH * 3);
    drawHeader();
    rows.forEach((row, r) => {
      if (d.y + rowH > d.page.height - d.page.margins.bottom) {
        d.addPage();
        drawHeader();
      }
      const y = d.y;
      if (r % 2 === 1) d.rect(this.left, y, this.width, rowH).fill('#f5f7f9');
      d.fillColor('#000000').fontSize(8.5);
      let x = this.left;
      row.forEach((cell, i) => {
        d.text(cell, x + 4, y + 3.5, { width: widths[i] - 8, align: columns[i].align ?? 'left', lineBreak: false, ellipsis: true });
        x += widths[i];
      });
      d.y = y + rowH;
    });
    d.x = this.left;
    d.moveDown(0.5);
  }

  /** Vertical grouped bars with a legend; labels under every `labelEvery`-th category. Counts (`integer`, the default) get whole-number ticks. */
  bars(opts: { categories: string[]; series: { name: string; values: number[] }[]; height?: number; labelEvery?: number; line?: { name: string; value: number }; integer?: boolean }): void {
    const d = this.doc;
    const h = opts.height ?? 150;
    this.ensure(h + 40);
    const top = d.y + 4;
    const axisW = 46;
    const plotX = this.left + axisW;
    const plotW = this.width - axisW;
    const max = Math.max(0, opts.line?.value ?? 0, ...opts.series.flatMap((s) => s.values));
    const { ticks, top: nice } = niceTicks(max, { integer: opts.integer ?? true });
    // grid and axis labels
    d.fontSize(7).fillColor('#607d8b');
    for (const v of ticks) {
      const y = top + h - (h * v) / nice;
      d.moveTo(plotX, y).lineTo(plotX + plotW, y).lineWidth(0.4).strokeColor('#cfd8dc').stroke();
      d.text(num(v), this.left, y - 4, { width: axisW - 4, align: 'right', lineBreak: false });
    }
    const groupW = plotW / Math.max(1, opts.categories.length);
    const barW = Math.max(1, (groupW * 0.8) / opts.series.length);
    opts.series.forEach((s, si) => {
      d.fillColor(PALETTE[si % PALETTE.length]);
      s.values.forEach((v, ci) => {
        const bh = (h * v) / nice;
        if (bh > 0) d.rect(plotX + ci * groupW + groupW * 0.1 + si * barW, top + h - bh, barW, bh).fill();
      });
    });
    if (opts.line) {
      const y = top + h - (h * opts.line.value) / nice;
      d.moveTo(plotX, y).lineTo(plotX + plotW, y).lineWidth(1.2).dash(4, { space: 3 }).strokeColor('#D55E00').stroke().undash();
    }
    d.fillColor('#37474f').fontSize(7);
    const every = opts.labelEvery ?? 1;
    opts.categories.forEach((c, ci) => {
      if (ci % every === 0) d.text(c, plotX + ci * groupW - 10, top + h + 3, { width: groupW + 20, align: 'center', lineBreak: false });
    });
    // legend
    let lx = plotX;
    const ly = top + h + 16;
    const legend = [...opts.series.map((s, i) => ({ name: s.name, color: PALETTE[i % PALETTE.length], dash: false })), ...(opts.line ? [{ name: opts.line.name, color: '#D55E00', dash: true }] : [])];
    legend.forEach((l) => {
      if (l.dash) d.moveTo(lx, ly + 4).lineTo(lx + 14, ly + 4).lineWidth(1.2).dash(3, { space: 2 }).strokeColor(l.color).stroke().undash();
      else d.rect(lx, ly, 10, 8).fill(l.color);
      d.fillColor('#37474f').fontSize(8).text(l.name, lx + 16, ly - 1, { lineBreak: false });
      lx += 26 + d.widthOfString(l.name);
    });
    d.fillColor('#000000');
    d.x = this.left;
    d.y = ly + 16;
  }

  /** Horizontal bars, one per row, value written at the end. */
  hbars(rows: { label: string; value: number }[], opts: { unit?: string; format?: (v: number) => string } = {}): void {
    const d = this.doc;
    const rowH = 15;
    this.ensure(rows.length * rowH + 10);
    const labelW = 150;
    const plotW = this.width - labelW - 60;
    const max = Math.max(1, ...rows.map((r) => r.value));
    rows.forEach((r, i) => {
      const y = d.y;
      d.fillColor('#37474f').fontSize(8.5).text(r.label, this.left, y + 2, { width: labelW - 6, lineBreak: false, ellipsis: true });
      const w = (plotW * r.value) / max;
      d.rect(this.left + labelW, y + 2, Math.max(w, r.value > 0 ? 1 : 0), rowH - 5).fill(PALETTE[i === 0 ? 0 : 4]);
      d.fillColor('#000000').fontSize(8.5).text(`${(opts.format ?? num)(r.value)}${opts.unit ?? ''}`, this.left + labelW + w + 4, y + 2, { lineBreak: false });
      d.y = y + rowH;
    });
    d.x = this.left;
    d.moveDown(0.4);
  }

  /** Page numbers and the footer line on every page. */
  finish(footer: string): PDFKit.PDFDocument {
    const d = this.doc;
    const range = d.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      d.switchToPage(i);
      const bottom = d.page.height - 36;
      d.page.margins.bottom = 0;
      d.font('jp').fontSize(7.5).fillColor('#78909c');
      d.text(footer, this.left, bottom, { width: this.width / 2, lineBreak: false });
      d.text(`${i + 1} / ${range.count}`, this.left + this.width / 2, bottom, { width: this.width / 2, align: 'right', lineBreak: false });
    }
    d.end();
    return d;
  }
}
