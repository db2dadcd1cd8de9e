/**
 * True once an element has come within `margin` of the viewport, and from
 * then on: a page of charts draws the ones on screen first and the rest as
 * they are scrolled to (a dashboard tool's lazy panels), instead of laying
 * out every chart before the first is seen. Without IntersectionObserver
 * (tests in Node) everything counts as near.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useNearViewport(ref: RefObject<Element | null>, margin = '300px'): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, margin, near]);
  return near;
}
