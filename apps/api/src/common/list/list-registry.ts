import type { ListSpec } from './list-spec';

// Every ListSpec registers itself when its feature loads, so exports can serve any
// list resource without a hand-kept list.
const specs = new Map<string, ListSpec>();

export function registerListSpec(spec: ListSpec): void {
  specs.set(spec.resource, spec);
}

export function findListSpec(resource: string): ListSpec | undefined {
  return specs.get(resource);
}

export function listSpecResources(): string[] {
  return [...specs.keys()].sort();
}
