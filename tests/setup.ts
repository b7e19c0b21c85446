import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing';
import { formatMessage } from '../lib/i18n/messages';
import { localeFiles } from '../scripts/lib/locale-files';

// The fake browser has no i18n: answer from the English messages the build ships.
const english = JSON.parse(localeFiles().find((f) => f.relativeDest === '_locales/en/messages.json')!.contents) as Record<
  string,
  Parameters<typeof formatMessage>[0]
>;
fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
  const entry = english[key];
  return entry ? formatMessage(entry, typeof substitutions === 'string' ? [substitutions] : (substitutions ?? [])) : '';
}) as typeof fakeBrowser.i18n.getMessage;
