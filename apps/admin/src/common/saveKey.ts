import type { KeyboardEvent } from 'react';

// Enter saves from anywhere in a counter form (chips, toggles and checkboxes included),
// except while an IME is composing Japanese, in a multi-line field (Ctrl+Enter there),
// or while a drop-down list is open and Enter picks an option.
export function isSaveKey(e: KeyboardEvent<HTMLElement>): boolean {
  if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.nativeEvent.isComposing || e.keyCode === 229) return false;
  const target = e.target as HTMLElement;
  if (target.tagName === 'TEXTAREA' && !(e.ctrlKey || e.metaKey)) return false;
  if (target.getAttribute('aria-expanded') === 'true') return false;
  if (target.closest('[role="listbox"],[role="menu"],[role="option"]')) return false;
  return true;
}
