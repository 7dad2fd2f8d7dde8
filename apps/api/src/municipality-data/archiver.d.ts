// The part of archiver 5 (a dependency of exceljs, used here for the data export's zip)
// that zip-writer.ts uses; the package ships no types and @types/archiver is not installed.
declare module 'archiver' {
  import { Transform } from 'node:stream';

  interface EntryData {
    name: string;
    date?: Date;
    /** Called once the entry has been written to the archive (or has failed). */
    callback?: () => void;
  }

  interface Archiver extends Transform {
    append(source: NodeJS.ReadableStream | Buffer | string, data: EntryData): this;
    finalize(): Promise<void>;
    abort(): this;
  }

  function archiver(format: 'zip', options?: { zlib?: { level?: number }; forceZip64?: boolean }): Archiver;
  export = archiver;
}
