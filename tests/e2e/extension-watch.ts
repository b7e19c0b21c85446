/**
 * What the extension's own processes say while the pages run, beyond what a tab reports:
 * - Chromium: every target of the extension (its service worker, restarted or not) through the
 *   DevTools protocol: console errors and warnings, uncaught exceptions, and every request it
 *   makes (any is a failure: the extension makes no network request).
 * - Firefox: WebDriver BiDi cannot attach to an add-on's background page, so the browser prints
 *   its console to stdout (`devtools.console.stdout.content`) and its script errors to stderr,
 *   which are read here. Page scripts are blocked, so a console error or warning printed is the
 *   extension's (the content script's or the background's) unless one of Firefox's own named
 *   loggers wrote it; a script error is the extension's when its file is.
 */
import type { Browser, CDPSession, Target } from 'puppeteer-core';
import { isNetworkUrl } from './request-attribution';

/** Something the extension did, stamped with when (ms since the epoch). */
export interface Stamped {
  at: number;
  text: string;
}

export interface ExtensionWatch {
  errors: Stamped[];
  /** Network requests the extension's own targets made (Chromium; empty in Firefox). */
  requests: Stamped[];
}

/** Preferences that make Firefox print what `watchFirefoxOutput` reads. */
export const FIREFOX_CONSOLE_PREFS = { 'devtools.console.stdout.content': true };

/** Attaches to every Chromium target of the extension, now and later. */
export async function watchChromiumExtension(browser: Browser, extensionId: string): Promise<ExtensionWatch> {
  const watch: ExtensionWatch = { errors: [], requests: [] };
  const origin = `chrome-extension://${extensionId}/`;
  const attached = new Set<Target>();
  const attach = async (target: Target) => {
    if (attached.has(target) || !target.url().startsWith(origin)) return;
    attached.add(target);
    let session: CDPSession;
    try {
      session = await target.createCDPSession();
    } catch {
      return; // gone already (a service worker stopped between the event and the attach)
    }
    const where = `${target.type()} ${target.url().slice(origin.length - 1)}`;
    const add = (list: Stamped[], text: string) => list.push({ at: Date.now(), text: `${where}: ${text}` });
    session.on('Runtime.consoleAPICalled', (e) => {
      if (e.type === 'error' || e.type === 'warning' || e.type === 'assert')
        add(watch.errors, `console.${e.type}: ${e.args.map((a) => a.value ?? a.description ?? '').join(' ')}`);
    });
    session.on('Runtime.exceptionThrown', (e) =>
      add(watch.errors, `uncaught: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`),
    );
    session.on('Network.requestWillBeSent', (e) => {
      if (isNetworkUrl(e.request.url)) add(watch.requests, `${e.request.method} ${e.request.url}`);
    });
    await Promise.all([session.send('Runtime.enable'), session.send('Network.enable')]).catch(() => undefined);
  };
  browser.on('targetcreated', attach);
  browser.on('targetchanged', attach);
  await Promise.all(browser.targets().map(attach));
  return watch;
}

const CONSOLE_LINE = /^console\.(error|warn|assert): /;
/** Firefox's own named loggers (`console.error: RSLoader: ...`); the extension logs quoted strings. */
const FIREFOX_LOGGER_LINE = /^console\.\w+: [\w.-]+: /;
const SCRIPT_ERROR_LINE = /^JavaScript (error|warning): moz-extension:\/\//;

/** Reads Firefox's stdout and stderr (launched with `FIREFOX_CONSOLE_PREFS`). */
export function watchFirefoxOutput(browser: Browser): ExtensionWatch {
  const watch: ExtensionWatch = { errors: [], requests: [] };
  const proc = browser.process();
  if (!proc) throw new Error('Firefox was not launched by puppeteer: its output cannot be read');
  const read = (stream: NodeJS.ReadableStream | null, isExtensions: (line: string) => boolean) => {
    let rest = '';
    stream?.on('data', (chunk: Buffer | string) => {
      const lines = (rest + String(chunk)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (isExtensions(line)) watch.errors.push({ at: Date.now(), text: line.slice(0, 500) });
    });
  };
  read(proc.stdout, (line) => CONSOLE_LINE.test(line) && !FIREFOX_LOGGER_LINE.test(line));
  read(proc.stderr, (line) => SCRIPT_ERROR_LINE.test(line));
  return watch;
}
