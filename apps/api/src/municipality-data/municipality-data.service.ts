import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { RESOURCE_LABELS } from '@mynapoint/domain';
import { AuditService } from '../common/audit/audit.service';
import { TICKET_TTL_MS, issueTicket } from '../common/auth/export-ticket';
import type { AuthUser } from '../common/auth/permission.decorator';
import { CrlfRecords, UTF8_BOM } from '../common/csv/csv-stream';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MunicipalityDataError, MunicipalityDataException } from './municipality-data.exception';
import { MunicipalityDataRepository, MunicipalityRow, TableDump } from './municipality-data.repository';
import { ZipWriter } from './zip-writer';

// Credentials are not the municipality's data and must not travel in a file: password
// hashes, session token hashes, and any column named for a secret (a TOTP key). The
// manifest lists what was left out.
const WITHHELD_COLUMN = /(^|_)(password_hash|token_hash)$|secret/;

export interface Manifest {
  municipalityCode: string;
  municipalityName: string;
  exportedAt: string;
  format: string;
  /** Rows per table (the file is `<table>.csv`). */
  tables: Record<string, number>;
  withheldColumns: Record<string, string[]>;
}

function stamp(): string {
  const d = new Date(Date.now() + 9 * 3600_000).toISOString();
  return `${d.slice(0, 10).replace(/-/g, '')}-${d.slice(11, 16).replace(':', '')}`;
}

// Taking a municipality's data out (a zip of every table, for its admin) and removing
// it from the installation (the operator). Issue #18, items 6.
@Injectable()
export class MunicipalityDataService {
  private readonly logger = new Logger('MunicipalityData');

  constructor(
    private readonly repo: MunicipalityDataRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A short-lived URL the browser can download the zip from without headers. */
  async ticket(id: number, user: AuthUser): Promise<{ url: string; expiresAt: string }> {
    await this.ownMunicipality(id, user);
    const target = `/api/municipalities/${id}/export`;
    const expiresAt = Date.now() + TICKET_TTL_MS;
    const ticket = issueTicket(this.config.myKeyHmacSecret, { municipalityCode: user.municipalityCode, sessionId: user.sessionId, target, expiresAt });
    return { url: `${target}?ticket=${encodeURIComponent(ticket)}`, expiresAt: new Date(expiresAt).toISOString() };
  }

  /**
   * The zip, streamed: one CSV per table (UTF-8 with BOM, CRLF, a header of column
   * names, the values as stored) and manifest.json with the row counts. Audit-logged
   * like every export, also when the download breaks off (completed: false).
   */
  async export(id: number, user: AuthUser, ip: string | undefined, res: Response): Promise<void> {
    const municipality = await this.ownMunicipality(id, user);
    const tables: TableDump[] = [];
    const withheldColumns: Record<string, string[]> = {};
    for (const table of await this.repo.tables()) {
      const withheld = table.columns.filter((c) => WITHHELD_COLUMN.test(c));
      if (withheld.length) withheldColumns[table.name] = withheld;
      tables.push({ ...table, columns: table.columns.filter((c) => !withheld.includes(c)) });
    }

    const name = `${municipality.name}_データ_${stamp()}.zip`;
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="municipality-${municipality.code}.zip"; filename*=UTF-8''${encodeURIComponent(name)}`);
    res.setHeader('Cache-Control', 'no-store');

    const t0 = Date.now();
    const counts: Record<string, number> = {};
    const zip = new ZipWriter(res);
    let completed = false;
    // As for list exports, the response is ended only after the audit row is committed.
    // A client that hangs up breaks the zip's output: the entry under way fails, and with
    // it the COPY (its connection is dropped).
    try {
      await this.repo.copyEach(tables, async (table, csv) => {
        counts[table.name] = await addCsv(zip, `${table.name}.csv`, csv);
      });
      const manifest: Manifest = {
        municipalityCode: municipality.code,
        municipalityName: municipality.name,
        exportedAt: new Date().toISOString(),
        format: 'CSV: UTF-8 with BOM, CRLF, first line = column names; one file per table',
        tables: counts,
        withheldColumns,
      };
      await zip.add('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
      await zip.finish();
      completed = true;
    } catch (e) {
      zip.abort();
      throw e;
    } finally {
      await this.audit.recordSeparately({
        user,
        action: 'export',
        resource: 'municipalities',
        resourceId: municipality.id,
        ip,
        changes: { format: 'zip', municipalityCode: municipality.code, tables: counts, completed },
      });
    }
    res.end();
    this.logger.log({ municipality: municipality.code, tables: tables.length, rows: Object.values(counts).reduce((a, b) => a + b, 0), ms: Date.now() - t0 });
  }

  /**
   * Every row of the municipality, its settings row and its users with it; the operator's
   * audit row (in 000000, committed with the removal) keeps what was removed.
   */
  async removeData(id: number, confirmCode: string, user: AuthUser, ip: string | undefined): Promise<{ removed: Record<string, number> }> {
    const municipality = await this.repo.findMunicipality(id);
    if (!municipality) throw notFound(id);
    if (confirmCode !== municipality.code) {
      const message = `確認のための団体コードが一致しません。削除する市区町村（${municipality.name}）の団体コードを入力してください。`;
      throw new MunicipalityDataException(MunicipalityDataError.ConfirmCodeMismatch, message, { confirmCode: message });
    }
    // Logins without a municipality code go to it, and start-up writes its row again.
    if (municipality.code === this.config.municipalityCode) {
      throw new MunicipalityDataException(
        MunicipalityDataError.InstallationDefault,
        `${municipality.name}はこの設置の既定の市区町村（MUNICIPALITY_CODE）のため削除できません。既定を別の市区町村に変えてから削除してください。`,
      );
    }
    const removed = { ...(await this.repo.removeData(municipality.code)), municipalities: 1 };
    await this.audit.record({
      user,
      action: 'delete',
      resource: 'municipalities',
      resourceId: municipality.id,
      ip,
      changes: { removeData: true, code: municipality.code, name: municipality.name, removed },
    });
    this.logger.log({ removed: municipality.code, rows: Object.values(removed).reduce((a, b) => a + b, 0) });
    return { removed };
  }

  /** The caller's own municipality; any other id is not found (an admin never learns another exists). */
  private async ownMunicipality(id: number, user: AuthUser): Promise<MunicipalityRow> {
    const municipality = await this.repo.findMunicipality(id);
    if (!municipality || municipality.code !== user.municipalityCode) throw notFound(id);
    return municipality;
  }
}

function notFound(id: number): MunicipalityDataException {
  return new MunicipalityDataException(MunicipalityDataError.NotFound, `${RESOURCE_LABELS.municipalities?.one.ja ?? '市区町村'}（ID: ${id}）は見つかりません。`);
}

/** One table's CSV into the zip, with a BOM and CRLF line ends; resolves to its row count. */
async function addCsv(zip: ZipWriter, name: string, csv: Readable): Promise<number> {
  const records = new CrlfRecords();
  const entry = new PassThrough();
  entry.write(UTF8_BOM);
  await Promise.all([pipeline(csv, records, entry), zip.add(name, entry)]);
  return records.records - 1; // the header line
}
