// core/i18n.js — the mobile web's translations.
//
// The catalogue is i18n/<lang>.json, generated at build time from
// po/<lang>.po (never kept by hand). It maps a msgid to its msgstr, or to
// the list of plural forms for a plural msgid; the optional "" entry is
// the PO header, whose Plural-Forms says how many forms there are.
// Placeholders are {name}, filled by fmt(), never printf %s: Chinese
// often reorders them.

let catalog = new Map();
let nplurals = 2;

function pluralIndex(n) {
  if (nplurals === 1)
    return 0;
  return n === 1 ? 0 : 1;
}

function readHeader(header) {
  const match = /nplurals\s*=\s*(\d+)/.exec(header || '');
  if (match)
    nplurals = Number(match[1]);
}

export function lang() {
  let stored = null;
  try {
    stored = localStorage.getItem('anju.lang');
  } catch (e) {
    stored = null; // storage disabled: use the default language
  }
  return stored && /^[A-Za-z_]+$/.test(stored) ? stored : 'zh_CN';
}

export function _(msgid) {
  const found = catalog.get(msgid);
  if (typeof found === 'string' && found !== '')
    return found;
  if (Array.isArray(found) && found[0])
    return found[0];
  return msgid;
}

export function ngettext(singular, plural, n) {
  const found = catalog.get(singular);
  if (Array.isArray(found)) {
    const form = found[Math.min(pluralIndex(n), found.length - 1)];
    if (form)
      return form;
  } else if (typeof found === 'string' && found !== '') {
    return found;
  }
  return n === 1 ? singular : plural;
}

export function fmt(template, values = {}) {
  return String(template).replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(values, name) && values[name] !== null && values[name] !== undefined
      ? String(values[name]) : whole);
}

export async function loadCatalog() {
  const language = lang();
  document.documentElement.lang = language.replace('_', '-');
  const response = await fetch(`i18n/${language}.json`, { credentials: 'same-origin' });
  if (!response.ok)
    throw new Error(`i18n/${language}.json: ${response.status}`);
  const data = await response.json();
  // Accept both a flat map and {"messages": {...}} so the generator may
  // add metadata beside the strings.
  const messages = data && typeof data.messages === 'object' ? data.messages : data;
  catalog = new Map(Object.entries(messages || {}));
  readHeader(typeof catalog.get('') === 'string' ? catalog.get('') : (data && data.plural_forms));
  catalog.delete('');
}
