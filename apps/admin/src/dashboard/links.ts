// Where a click on a chart goes: the list behind the figure, filtered with the
// list's real filter names (the list specs in apps/api/src/<resource>/<resource>.repository.ts).

/** The period and campaign a list is filtered by; a missing date leaves that end open. */
export interface LinkScope {
  from?: string;
  to?: string;
  campaignId: number | null;
}

type Filter = Record<string, unknown>;

/** A react-admin list address with its filter (and the filter inputs shown). */
export function listPath(resource: string, filter: Filter): string {
  const clean = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== null));
  const shown = Object.fromEntries(Object.keys(clean).map((k) => [k, true]));
  return `/${resource}?filter=${encodeURIComponent(JSON.stringify(clean))}&displayedFilters=${encodeURIComponent(JSON.stringify(shown))}`;
}

/** The filter of a list address made by listPath (for tests and checks). */
export function filterOf(path: string): Filter {
  const query = path.slice(path.indexOf('?') + 1);
  return JSON.parse(new URLSearchParams(query).get('filter') ?? '{}');
}

export const dashboardLinks = {
  reservations: (s: LinkScope, extra: Filter = {}) =>
    listPath('reservations', { campaignId: s.campaignId, reservedAt_gte: s.from, reservedAt_lte: s.to, ...extra }),
  applications: (s: LinkScope, extra: Filter = {}) =>
    listPath('applications', { campaignId: s.campaignId, appliedAt_gte: s.from, appliedAt_lte: s.to, ...extra }),
  // Participants carry running totals, not dates: filtered by campaign and standing.
  participants: (s: LinkScope, extra: Filter = {}) => listPath('participants', { campaignId: s.campaignId, ...extra }),
  pointAwards: (s: LinkScope, extra: Filter = {}) =>
    listPath('point-awards', { campaignId: s.campaignId, transactionDate_gte: s.from, transactionDate_lte: s.to, ...extra }),
  quotas: (s: LinkScope) => listPath('reservation-quotas', { campaignId: s.campaignId }),
  // Counter visits and fraud reports belong to no campaign.
  assistance: (s: LinkScope, extra: Filter = {}) => listPath('assistance-records', { visitedAt_gte: s.from, visitedAt_lte: s.to, ...extra }),
  fraud: (s: LinkScope, extra: Filter = {}) => listPath('fraud-alerts', { reportedAt_gte: s.from, reportedAt_lte: s.to, ...extra }),
  // The resident-register figures behind a card-uptake rate: a snapshot, by district or age band (no period, no campaign).
  populationFigures: (_s: LinkScope, extra: Filter = {}) => listPath('population-figures', extra),
};

/** The resource each link lists: a role sees a link only when it may list that. */
export const LINK_RESOURCE: Record<keyof typeof dashboardLinks, string> = {
  reservations: 'reservations',
  applications: 'applications',
  participants: 'participants',
  pointAwards: 'point-awards',
  quotas: 'reservation-quotas',
  assistance: 'assistance-records',
  fraud: 'fraud-alerts',
  populationFigures: 'population-figures',
};
