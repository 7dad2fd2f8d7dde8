import type { Page } from 'playwright-core';

// Keyboard-only browser stories (issue #23): where the focus is, whether it shows, and
// moving it with Tab alone. No mouse call is made in a story once it has signed in.

export interface Focused {
  tag: string;
  role: string | null;
  /** The accessible name as a person hears it (aria-label, aria-labelledby, the label, or the text). */
  name: string;
  testId: string | null;
  /** The form field's name attribute (input name), if any. */
  field: string | null;
  /** Whether a focus indicator is drawn: an outline or ring, or MUI's focused field underline. */
  ring: boolean;
  inMain: boolean;
  /** The composite widget it is in (grid, toolbar, radiogroup), if any. */
  composite: string | null;
}

// Runs in the page: a string, because the test project is compiled without the DOM types.
const DESCRIBE = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: 'body', role: null, name: '', testId: null, field: null, ring: true, inMain: false, composite: null };
  const text = (n) => (n ? (n.innerText || n.textContent || '').trim().replace(/\\s+/g, ' ') : '');
  const byIds = (ids) => ids.split(/\\s+/).map((id) => text(document.getElementById(id))).join(' ').trim();
  const name =
    el.getAttribute('aria-label') ||
    (el.getAttribute('aria-labelledby') && byIds(el.getAttribute('aria-labelledby'))) ||
    (el.labels && el.labels[0] && text(el.labels[0])) ||
    text(el).slice(0, 80);
  const drawn = (n) => {
    if (!n) return false;
    const s = getComputedStyle(n);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none');
  };
  // MUI draws a text field's focus on its wrapper (underline or border), and a checkbox's
  // or radio's on the ButtonBase around the hidden input.
  const ring = drawn(el) || drawn(el.closest('.Mui-focusVisible')) || Boolean(el.closest('.MuiInputBase-root.Mui-focused, .MuiPickersInputBase-root.Mui-focused, .MuiPickersSectionList-root'));
  const composite = el.closest('[role="grid"], [role="toolbar"], [role="radiogroup"]');
  return {
    tag: el.tagName.toLowerCase(),
    role: el.getAttribute('role'),
    name,
    testId: (el.closest('[data-testid]') || {}).dataset ? el.closest('[data-testid]').dataset.testid : null,
    field: el.getAttribute('name'),
    ring,
    inMain: Boolean(el.closest('#main-content')),
    composite: composite ? composite.getAttribute('role') + ':' + (composite.getAttribute('aria-label') || byIds(composite.getAttribute('aria-labelledby') || '')) : null,
  };
})()`;

export async function focused(page: Page): Promise<Focused> {
  return (await page.evaluate(DESCRIBE)) as Focused;
}

/** Every focus stop a story passed where no focus indicator was drawn. */
export class FocusLog {
  readonly stops: string[] = [];
  readonly unringed: string[] = [];

  async press(page: Page, key: string): Promise<Focused> {
    await page.keyboard.press(key);
    const f = await focused(page);
    const label = `${f.tag}${f.role ? `[${f.role}]` : ''} ${f.name}`.trim();
    this.stops.push(label);
    if (!f.ring) this.unringed.push(label);
    return f;
  }

  /** Tabs (or Shift+Tabs) until `match` holds; fails with the path taken after `max` stops. */
  async tabTo(page: Page, match: (f: Focused) => boolean, { max = 60, back = false } = {}): Promise<Focused> {
    const path: string[] = [];
    for (let i = 0; i < max; i++) {
      const f = await this.press(page, back ? 'Shift+Tab' : 'Tab');
      path.push(f.name || f.tag);
      if (match(f)) return f;
    }
    throw new Error(`focus never reached the target after ${max} Tab presses: ${path.join(' → ')}`);
  }
}

/** In a radio group (focus on one of its radios): the arrows until the radio named `name` is focused, and so chosen. */
export async function chooseRadio(page: Page, keys: FocusLog, name: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    if ((await focused(page)).name === name) return;
    await keys.press(page, 'ArrowRight');
  }
  throw new Error(`no radio named ${name}`);
}

/** A name test: exact text, or a regular expression. */
export const named = (name: string | RegExp) => (f: Focused) => (typeof name === 'string' ? f.name === name : name.test(f.name));
