import { dashboardReadiness, type PanelState } from './readiness';

const states = (o: Record<string, PanelState>) => new Map(Object.entries(o));

describe('dashboardReadiness', () => {
  it('is ready once every visible panel is drawn, whatever hidden panels say', () => {
    expect(dashboardReadiness(['a', 'b'], null, states({ a: 'ready', b: 'ready', hidden: 'loading' }))).toBe('true');
    expect(dashboardReadiness(['a', 'b'], null, states({ a: 'ready', b: 'loading' }))).toBe('false');
    expect(dashboardReadiness(['a', 'b'], null, states({ a: 'ready' }))).toBe('false');
  });

  it('says error once all have settled and one failed, not before', () => {
    expect(dashboardReadiness(['a', 'b'], null, states({ a: 'error', b: 'ready' }))).toBe('error');
    expect(dashboardReadiness(['a', 'b'], null, states({ a: 'error', b: 'loading' }))).toBe('false');
  });

  it('is not ready while the role is unknown or the period cannot be asked for', () => {
    expect(dashboardReadiness(null, null, states({ a: 'ready' }))).toBe('false');
    expect(dashboardReadiness(['a'], 'resources.dashboard.controls.too_many_periods', states({ a: 'ready' }))).toBe('false');
  });
});
