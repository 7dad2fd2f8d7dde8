import type { ImportColumn } from '@mynapoint/domain';

const names = (columns: readonly ImportColumn[]) => columns.map((c) => `${c.label.ja}（${c.key}）`).join('、');

// A job that cannot run at all, with the message staff see on the import page. Any
// other error fails the job with a generic message (the details go to the log).
export class ImportFailure extends Error {
  static missingColumns(columns: readonly ImportColumn[]): ImportFailure {
    return new ImportFailure(`必要な列がありません: ${names(columns)}。1行目に列名（見出し）を入れてください。`);
  }

  static noHeader(columns: readonly ImportColumn[]): ImportFailure {
    return new ImportFailure(`ファイルが空です。1行目に列名（${names(columns.filter((c) => c.required))}）、2行目以降にデータを入れてください。`);
  }
}
