/** Fleet shortcuts: `/` focuses the filter, j/k move the selection, Enter opens its detail. */
import { useEffect, useRef } from 'react';
import { hasCommandModifier, isModalOpen, isTypingTarget } from '../../lib/keyboard';

export interface FleetKeyboardHandlers {
  focusFilter: () => void;
  move: (delta: 1 | -1) => void;
  open: () => void;
}

export function useFleetKeyboard(handlers: FleetKeyboardHandlers): void {
  // The listener is attached once; the latest handlers are read through a ref.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || hasCommandModifier(event) || isTypingTarget(event.target) || isModalOpen()) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      switch (event.key) {
        case '/':
          event.preventDefault();
          latest.current.focusFilter();
          break;
        case 'j':
          event.preventDefault();
          latest.current.move(1);
          break;
        case 'k':
          event.preventDefault();
          latest.current.move(-1);
          break;
        case 'Enter':
          // Buttons and links keep their own Enter.
          if (target?.closest('button, a, [role="button"], [role="link"]')) return;
          event.preventDefault();
          latest.current.open();
          break;
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
