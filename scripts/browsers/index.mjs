/**
 * The browsers the by-hand checks drive besides Chromium (Playwright's): `webkit` (WebKitGTK's
 * WebDriver; needs a display) and `firefox` (Marionette). `openerNamed(name)` is the opener of
 * that name, or null for another name.
 */
import { openFirefox } from './firefox.mjs';
import { openWebKit } from './webkit.mjs';

const OPENERS = { webkit: openWebKit, firefox: openFirefox };

export const openerNamed = (name) => OPENERS[name] ?? null;
