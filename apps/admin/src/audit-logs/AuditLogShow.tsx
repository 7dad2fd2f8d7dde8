import { Show, SimpleShowLayout, TextField, FunctionField, useRecordContext, useTranslate, Labeled } from 'react-admin';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { AUDIT_ACTION, auditResourceLabel, fieldLabel, isResource } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField, useLang } from '../common/enums';

type Json = Record<string, unknown>;
interface AuditRow {
  action: string;
  resource: string;
  changes: unknown;
  before: Json | null;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A logged value as staff read it. */
function useShowValue() {
  const translate = useTranslate();
  return (v: unknown): string => {
    if (v === null || v === '') return translate('resources.audit-logs.show.blank');
    if (typeof v === 'boolean') return translate(v ? 'ra.boolean.true' : 'ra.boolean.false');
    if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.join(translate('app.punct.comma'));
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
}

/**
 * The change as a table: field label, before, after. Created: after only; deleted: the
 * record as it was; updated: what the log last held for each field (see docs/api-notes.md).
 */
function ChangesTable() {
  const record = useRecordContext<AuditRow>();
  const translate = useTranslate();
  const lang = useLang();
  const show = useShowValue();
  if (!record) return null;
  const { action, resource, changes, before } = record;
  if (!isObject(changes) || Object.keys(changes).length === 0) {
    return <Typography color="text.secondary">{changes == null ? translate('resources.audit-logs.show.no_changes') : show(changes)}</Typography>;
  }
  const label = (key: string) => (isResource(resource) ? fieldLabel(resource, key)?.[lang] : undefined) ?? key;
  const twoSided = action === 'update' || action === 'create' || action === 'delete';
  const none = '—';
  const unknown = translate('resources.audit-logs.show.not_logged');
  return (
    <>
      <Table size="small" aria-label={translate('resources.audit-logs.show.changes')} sx={{ maxWidth: 900 }}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">{translate('resources.audit-logs.show.field')}</TableCell>
            {twoSided ? (
              <>
                <TableCell component="th" scope="col">{translate('resources.audit-logs.show.before')}</TableCell>
                <TableCell component="th" scope="col">{translate('resources.audit-logs.show.after')}</TableCell>
              </>
            ) : (
              <TableCell component="th" scope="col">{translate('resources.audit-logs.show.value')}</TableCell>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {Object.entries(changes).map(([key, value]) => {
            const known = isObject(before) && key in before;
            const was = action === 'delete' ? show(value) : action === 'update' ? (known ? show(before![key]) : unknown) : none;
            const now = action === 'delete' ? none : show(value);
            const changed = action === 'update' && known && JSON.stringify(before![key]) !== JSON.stringify(value);
            return (
              <TableRow key={key} sx={changed ? { '& td': { fontWeight: 700 } } : undefined}>
                <TableCell component="th" scope="row">{label(key)}</TableCell>
                {twoSided ? (
                  <>
                    <TableCell sx={{ color: was === unknown ? 'text.secondary' : undefined, wordBreak: 'break-all' }}>{was}</TableCell>
                    <TableCell sx={{ wordBreak: 'break-all' }}>{now}</TableCell>
                  </>
                ) : (
                  <TableCell sx={{ wordBreak: 'break-all' }}>{show(value)}</TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {action === 'update' && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('resources.audit-logs.show.before_help')}
        </Typography>
      )}
    </>
  );
}

export function AuditResourceField(_: { source?: string }) {
  const lang = useLang();
  return <FunctionField<AuditRow> source="resource" render={(r) => auditResourceLabel(r.resource, lang)} />;
}

export function AuditLogShow() {
  const translate = useTranslate();
  return (
    <Show title={<AuditLogTitle />}>
      <SimpleShowLayout>
        <JpDateField source="at" showTime />
        <TextField source="username" emptyText="—" />
        <EnumField source="action" enumDef={AUDIT_ACTION} chip />
        <AuditResourceField source="resource" />
        <TextField source="resourceId" emptyText="—" />
        <TextField source="ip" emptyText="—" />
        <Labeled label={translate('resources.audit-logs.show.changes')} fullWidth>
          <ChangesTable />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}

function AuditLogTitle() {
  const record = useRecordContext<{ id: number }>();
  const translate = useTranslate();
  return <span>{translate('resources.audit-logs.show.title', { id: record?.id ?? '' })}</span>;
}

