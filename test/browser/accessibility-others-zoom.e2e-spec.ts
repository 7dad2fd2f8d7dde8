import { describeAxeWalk } from '../support/a11y';

// The axe walk (issue #23) in parts that Jest's workers share: test/support/a11y.ts, WALK_PARTS.
// Signed out, the installation's operator and prefecture, and every admin page at 200 % zoom.
describeAxeWalk('others-zoom');
