/** The palette's theme that `prefers-color-scheme` selects, followed when the system switches. */
import { useEffect, useState } from 'preact/hooks';
import { THEMES, type Theme } from '../../lib/ui/palette';

const DARK = '(prefers-color-scheme: dark)';

export function useTheme(): Theme {
  const query = typeof matchMedia === 'function' ? matchMedia(DARK) : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const follow = (e: MediaQueryListEvent) => setDark(e.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return dark ? THEMES.dark : THEMES.light;
}
