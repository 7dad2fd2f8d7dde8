import { Alert, Box, Button, Card, CardContent, Skeleton, Typography } from '@mui/material';
import { createContext, Suspense, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useStore, useTranslate } from 'react-admin';
import type { ChartTable } from './chartTable';
import { ChartLabelContext } from './charts/chartLabel';
import { ChartTableView } from './charts/ChartTableView';
import type { PanelState } from './readiness';
import type { QueryState } from './useStat';

// Each visible panel tells the dashboard when it is drawn (its chart or its empty
// state): the root sets data-dashboard-ready="true" once all are.
export const ReadyContext = createContext<(id: string, state: PanelState) => void>(() => undefined);

export function useReportState(id: string, state: PanelState) {
  const report = useContext(ReadyContext);
  useEffect(() => report(id, state), [report, id, state]);
}

/** Mounted after the chart inside its Suspense boundary: runs once the chart of `data` is on the page. */
function Drawn<T>({ data, onDrawn }: { data: T; onDrawn: (data: T) => void }) {
  useEffect(() => onDrawn(data), [data, onDrawn]);
  return null;
}

interface PanelProps<T> {
  id: string;
  title: ReactNode;
  query: QueryState<T>;
  isEmpty: (data: T) => boolean;
  emptyText: string;
  height: number;
  /** Columns of the dashboard grid the card spans (of 2). */
  wide?: boolean;
  /** Controls beside the title, shown whatever the state (the card-uptake panel's metric and date). */
  actions?: ReactNode;
  /** The title as plain text, when `title` is not a string (for the chart's label and the table's caption). */
  label?: string;
  /** The chart's numbers as a table: the panel then offers 「表で表示」. */
  table?: (data: T) => ChartTable;
  children: (data: T) => ReactNode;
}

export function Panel<T>({ id, title, query, isEmpty, emptyText, height, wide, actions, label, table, children }: PanelProps<T>) {
  const translate = useTranslate();
  // Table or chart, remembered per panel (a screen-reader user chooses once).
  const [asTable, setAsTable] = useStore(`dashboard.table.${id}`, false);
  const name = label ?? (typeof title === 'string' ? title : id);
  const { data, error, isPending } = query;
  // The data the chart was last drawn with: ready only once it is this data's turn.
  const [drawn, setDrawn] = useState<T | undefined>(undefined);
  const empty = data !== undefined && isEmpty(data);
  const state: PanelState = error ? 'error' : isPending || data === undefined ? 'loading' : empty || drawn === data ? 'ready' : 'loading';
  useReportState(id, state);

  const markDrawn = useCallback((d: T) => setDrawn(() => d), []);
  // The chart, drawn once per data: the panel's own redraw when it turns ready (and
  // any other that does not change the data or the chart) reuses it as it is.
  const chart = useMemo(() => (data === undefined ? null : children(data)), [data, children]);
  const showTable = Boolean(table && asTable);
  const tableOf = useMemo(() => (data === undefined || !table || !asTable ? null : table(data)), [data, table, asTable]);

  const skeleton = <Skeleton variant="rounded" height={height} data-testid="panel-skeleton" />;
  let body: ReactNode;
  if (error) {
    body = (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => void query.refetch()}>
            {translate('resources.dashboard.state.retry')}
          </Button>
        }
      >
        {translate('resources.dashboard.state.error')} {(error as Error).message}
      </Alert>
    );
  } else if (isPending || data === undefined) {
    body = skeleton;
  } else if (empty) {
    body = (
      <Box sx={{ height: Math.min(height, 180), display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'action.hover', borderRadius: 1 }} data-testid="panel-empty">
        <Typography color="text.secondary">{emptyText}</Typography>
      </Box>
    );
  } else if (showTable && tableOf) {
    body = (
      <>
        <ChartTableView table={tableOf} caption={name} />
        <Drawn data={data} onDrawn={markDrawn} />
      </>
    );
  } else {
    body = (
      <ChartLabelContext.Provider value={table ? translate('resources.dashboard.table.chart_label', { title: name }) : name}>
        <Suspense fallback={skeleton}>
          {chart}
          <Drawn data={data} onDrawn={markDrawn} />
        </Suspense>
      </ChartLabelContext.Provider>
    );
  }

  return (
    <Card variant="outlined" data-panel={id} data-state={state} sx={{ gridColumn: wide ? '1 / -1' : undefined, minWidth: 0, breakInside: 'avoid' }}>
      <CardContent sx={{ pb: '16px !important' }}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mb: 1 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, flex: 1, minWidth: 0 }}>
            {title}
          </Typography>
          {actions}
          {table && !empty && !error && data !== undefined ? (
            <Button size="small" variant="outlined" aria-pressed={showTable} onClick={() => setAsTable(!asTable)} sx={{ flexShrink: 0, displayPrint: 'none' }} data-testid="table-toggle">
              {translate('resources.dashboard.table.toggle')}
            </Button>
          ) : null}
        </Box>
        {body}
      </CardContent>
    </Card>
  );
}
