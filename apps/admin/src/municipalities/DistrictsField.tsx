import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { toDistrictRows, type DistrictSettings } from './districtRows';

const T = 'resources.municipalities';

/** The districts with their populations, as a small table. */
export function DistrictsField() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const rows = toDistrictRows(record as Partial<DistrictSettings>);
  if (!rows.length) return <Typography variant="body2">{translate(`${T}.no_districts`)}</Typography>;
  return (
    <Table size="small" sx={{ width: 'auto', minWidth: 320 }}>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            {translate(`${T}.helper.district_name`)}
          </TableCell>
          <TableCell component="th" scope="col" align="right">
            {translate(`${T}.helper.district_population`)}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.name}>
            <TableCell component="th" scope="row">
              {r.name}
            </TableCell>
            <TableCell align="right">{r.population != null ? r.population.toLocaleString('ja-JP') : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
