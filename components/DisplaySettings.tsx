/**
 * The panel's display switches: highlighting on this site and everywhere, which entity types are
 * painted, and the highlight style. Presentational: reports the new settings.
 */
import { ENTITY_TYPES } from '../lib/entities/types';
import {
  HIGHLIGHT_STYLES,
  isHighlightingOn,
  siteOf,
  withSite,
  type HighlightStyle,
  type ReaderSettings,
} from '../lib/settings/reader-settings';
import { t } from '../services/i18n';
import { TYPE_LABELS } from './ActorList';

/** The highlight styles' names, read from the messages when used. */
export const STYLE_LABELS: Readonly<Record<HighlightStyle, string>> = {
  get 'underline-tint'() {
    return t('panel_style_underline_tint');
  },
  get underline() {
    return t('panel_style_underline');
  },
  get tint() {
    return t('panel_style_tint');
  },
};

export interface DisplaySettingsProps {
  settings: ReaderSettings;
  /** The tab's URL: what "this site" means. */
  url: string;
  onChange(settings: ReaderSettings): void;
}

export function DisplaySettings({ settings, url, onChange }: DisplaySettingsProps) {
  const site = siteOf(url);
  return (
    <details class="display-settings">
      <summary>{t('panel_highlighting')}</summary>
      <div class="switches">
        {site && (
          <label>
            <input
              type="checkbox"
              checked={isHighlightingOn({ ...settings, enabled: true }, url)}
              onChange={(e) => onChange(withSite(settings, url, e.currentTarget.checked))}
            />{' '}
            {t('panel_on_site', site)}
          </label>
        )}
        <label>
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(e) => onChange({ ...settings, enabled: e.currentTarget.checked })}
          />{' '}
          {t('panel_on_every_site')}
        </label>
      </div>
      <fieldset class="types">
        <legend>{t('panel_show_types')}</legend>
        {ENTITY_TYPES.map((type) => (
          <label key={type}>
            <input
              type="checkbox"
              checked={!settings.hiddenTypes.includes(type)}
              onChange={(e) =>
                onChange({
                  ...settings,
                  hiddenTypes: e.currentTarget.checked
                    ? settings.hiddenTypes.filter((t) => t !== type)
                    : [...settings.hiddenTypes, type],
                })
              }
            />{' '}
            <span class={`swatch swatch-${type}`} aria-hidden="true" /> {TYPE_LABELS[type]}
          </label>
        ))}
      </fieldset>
      <label class="style">
        {t('panel_style')}{' '}
        <select
          value={settings.highlightStyle}
          onChange={(e) => onChange({ ...settings, highlightStyle: e.currentTarget.value as HighlightStyle })}
        >
          {HIGHLIGHT_STYLES.map((s) => (
            <option key={s} value={s}>
              {STYLE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
    </details>
  );
}
