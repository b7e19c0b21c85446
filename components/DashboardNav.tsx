/** The dashboard's views as links (deep links in the hash), the current one marked for screen readers. */
import type { ViewName } from '../lib/dashboard/routes';
import { t } from '../services/i18n';

const LINKS: { view: ViewName; href: string; key: string }[] = [
  { view: 'entities', href: '#entities', key: 'dashboard_nav_entities' },
  { view: 'articles', href: '#search=', key: 'dashboard_nav_articles' },
  { view: 'memory', href: '#memory', key: 'dashboard_nav_memory' },
];

export function DashboardNav({ current }: { current: ViewName }) {
  return (
    <nav class="views" aria-label={t('dashboard_nav_label')}>
      <ul>
        {LINKS.map((link) => (
          <li key={link.view}>
            <a href={link.href} aria-current={current === link.view ? 'page' : undefined}>
              {t(link.key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
