// Traces of an unfinished draft that must not reach a printed flyer: 「（案）」 left in
// a title, placeholders (〇〇, ＿＿) and notes to self (TODO, 案:). Width variants
// count the same: staff type on IMEs in both full and half width.
const MARKERS: readonly { marker: string; pattern: RegExp }[] = [
  { marker: '（案）', pattern: /[（(]\s*案\s*[）)]/ },
  { marker: '案:', pattern: /(^|[\s　「『【])案\s*[:：]/m },
  { marker: 'TODO', pattern: /[TＴ][OＯ][DＤ][OＯ]/i },
  { marker: '＿＿', pattern: /[＿_]{2,}/ },
  { marker: '〇〇', pattern: /[〇○◯●]{2,}/ },
];

/** The draft markers found in a text (each once, in the order above). */
export function findDraftMarkers(text: string | null | undefined): string[] {
  if (!text) return [];
  return MARKERS.filter((m) => m.pattern.test(text)).map((m) => m.marker);
}

export type NoticeField = 'noticeTitle' | 'noticeBody';
export interface NoticeProblem {
  field: NoticeField;
  kind: 'empty' | 'draft_marker';
  markers: string[];
}

/** What keeps a notice from being fit to print: an empty field, or draft markers left in it. */
export function noticeProblems(n: { noticeTitle?: string | null; noticeBody?: string | null }): NoticeProblem[] {
  const problems: NoticeProblem[] = [];
  for (const field of ['noticeTitle', 'noticeBody'] as const) {
    const text = n[field];
    if (!text || !text.trim()) {
      problems.push({ field, kind: 'empty', markers: [] });
      continue;
    }
    const markers = findDraftMarkers(text);
    if (markers.length) problems.push({ field, kind: 'draft_marker', markers });
  }
  return problems;
}

/** The Japanese sentence for one problem, as the API and the publish dialog say it. */
export function noticeProblemMessage(p: NoticeProblem): string {
  const name = p.field === 'noticeTitle' ? '見出し' : '本文';
  if (p.kind === 'empty') return `${name}が空です。`;
  return `${name}に下書きの印（${p.markers.map((m) => `「${m}」`).join('、')}）が残っています。`;
}
