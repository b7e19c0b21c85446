/**
 * Focus after moving between views: the new view's heading takes focus once its content is
 * there, so a screen reader announces where the reader landed and Tab goes on from the top of
 * the view. On first load nothing is moved (the browser starts at the top of the page).
 */
import { useEffect } from 'preact/hooks';

let pending = false;

/** Called on navigation: the next view that is ready takes focus. */
export function expectViewFocus(): void {
  pending = true;
}

/** Focuses the element with id `headingId` once `ready`, if a navigation asked for it. */
export function useViewFocus(headingId: string, ready: boolean): void {
  useEffect(() => {
    if (!ready || !pending) return;
    const heading = document.getElementById(headingId);
    if (!heading) return;
    pending = false;
    heading.focus();
  }, [headingId, ready]);
}
