/** Whether a key press belongs to a text field or an open dialog, and so must not trigger page shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.getAttribute('role') === 'combobox';
}

export function isModalOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"]:not([hidden])') !== null;
}

export const hasCommandModifier = (event: KeyboardEvent): boolean => event.ctrlKey || event.metaKey || event.altKey;
