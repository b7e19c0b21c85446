import { readFileSync } from 'node:fs';
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import config from '../../../wxt.config';
import { NAVIGATION_COMMANDS, relayCommand } from '../../../services/card-commands';

const card = JSON.parse(readFileSync(new URL('../../../locales/en/card.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;

beforeEach(() => fakeBrowser.reset());

test('every navigation command is in the manifest, with a suggested key and a translated description', () => {
  const commands = (config.manifest as { commands: Record<string, { suggested_key: { default: string }; description: string }> })
    .commands;
  expect(Object.keys(commands).sort()).toEqual(Object.keys(NAVIGATION_COMMANDS).sort());
  for (const command of Object.values(commands)) {
    expect(command.suggested_key.default).toMatch(/^Alt\+Shift\+(Left|Right)$/);
    const key = /^__MSG_(\w+)__$/.exec(command.description)?.[1];
    expect(key && card[key], command.description).toBeTruthy();
  }
});

test('card.json keys belong to the card and keyboard navigation', () => {
  for (const key of Object.keys(card)) expect(key).toMatch(/^(card|nav)_/);
});

test('a command is relayed to the tab as tab:navigate, in its direction', async () => {
  const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: { ok: true } });
  expect(await relayCommand('previous-mention', 4)).toBe(true);
  expect(sendMessage).toHaveBeenCalledWith(4, { name: 'tab:navigate', data: { direction: -1 } }, { frameId: 0 });
  expect(await relayCommand('something-else', 4)).toBe(false);
  sendMessage.mockRejectedValueOnce(new Error('No content script'));
  expect(await relayCommand('next-mention', 4)).toBe(false);
});
