import { describeAxeWalk } from '../support/a11y';

// The axe walk (issue #23) in parts that Jest's workers share: test/support/a11y.ts, WALK_PARTS.
// With the manager's pages in English.
describeAxeWalk('counter-manager');
