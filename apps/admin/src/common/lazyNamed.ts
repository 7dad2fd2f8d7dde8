import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;
/** The names of a module's exports that are components. */
type ComponentNames<M> = { [P in keyof M]: M[P] extends AnyComponent ? P : never }[keyof M] & string;

/**
 * A component whose code is fetched when it is first drawn, from a module's named
 * export: `lazyNamed(() => import('./ParticipantList'), 'ParticipantList')`. Every
 * resource page and custom route is registered this way, so the admin's first load
 * carries the shell (login, layout, menu, texts) and not every screen; the layout
 * shows <PageLoading/> while a page's code arrives. Charts and date pickers load so too.
 */
export function lazyNamed<M, K extends ComponentNames<M>>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K] extends AnyComponent ? M[K] : never> {
  return lazy(() => load().then((m) => ({ default: m[name] as M[K] extends AnyComponent ? M[K] : never })));
}
