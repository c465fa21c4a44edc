// How the tests start Chromium: Debian's build, no sandbox (CI runs as root) and nothing reaching out
// to the network on its own; `browserIn` starts it in a language, which orders a date box's fields.

export const chromiumPath = process.env.BSE_CHROMIUM ?? '/usr/bin/chromium';

// No --allow-file-access-from-files: the offline edition must work without it.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export type BrowserLanguage = 'en-GB' | 'en-US';

/** Options that start Chromium in `language`: a date box then reads dd/mm/yyyy (en-GB) or mm/dd/yyyy
 * (en-US). Chromium takes the order from its own language, not the page's or the context's `locale`,
 * so the browser itself is started in it (with the `chromium-l10n` package installed). */
export function browserIn(language: BrowserLanguage) {
  const posix = language.replace('-', '_');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return {
    locale: language,
    launchOptions: {
      executablePath: chromiumPath,
      args: [...CHROMIUM_ARGS, `--lang=${language}`],
      env: { ...env, LANGUAGE: posix, LC_ALL: `${posix}.UTF-8` },
    },
  };
}
