// app.js — boots the mobile web: the catalogue, the session the cookie
// carries, the pages, the shell's labels, the tab bar's badges, the router.
//
// Pages that change a count (reading a message, acting on a task) dispatch
// 'anju:counts-changed' on document; the badges are also refreshed after
// every page rendered.

import { _, fmt, loadCatalog } from './core/i18n.js';
import { get, restoreSession, user } from './core/api.js';
import { start } from './core/router.js';
import { toast } from './core/dom.js';
import './pages/index.js';

const TABS = {
  todo: () => _('To-do'),
  scan: () => _('Scan'),
  messages: () => _('Messages'),
  me: () => _('Me'),
};

function labelShell() {
  document.getElementById('back').setAttribute('aria-label', _('Back'));
  document.getElementById('skip-link').textContent = _('Skip to content');
  const tabbar = document.getElementById('tabbar');
  tabbar.setAttribute('aria-label', _('Main sections'));
  for (const tab of tabbar.querySelectorAll('[data-tab]'))
    tab.querySelector('.tab-label').textContent = TABS[tab.dataset.tab]();
}

function setBadge(tab, count, describe) {
  const link = document.querySelector(`#tabbar [data-tab="${tab}"]`);
  const badge = link.querySelector('.badge');
  const label = TABS[tab]();
  if (count > 0) {
    badge.textContent = count > 99 ? '99+' : String(count);
    badge.hidden = false;
    link.setAttribute('aria-label', `${label} ${describe(count)}`);
  } else {
    badge.textContent = '';
    badge.hidden = true;
    link.removeAttribute('aria-label');
  }
}

let refreshing = null;

async function refreshBadges() {
  if (!user() || user().must_change_password)
    return;
  if (refreshing)
    return;
  refreshing = Promise.all([get('/todo/counts'), get('/messages/unread-count')]);
  try {
    const [todo, unread] = await refreshing;
    setBadge('todo', todo.total, (n) => fmt(_('{n} open'), { n }));
    setBadge('messages', unread.unread, (n) => fmt(_('{n} unread'), { n }));
  } catch (err) {
    // A badge is not worth an error dialog; a 401 already went to sign-in.
  } finally {
    refreshing = null;
  }
}

async function boot() {
  try {
    await loadCatalog();
  } catch (err) {
    console.warn('catalogue', err); // the English text still works
  }
  labelShell();
  try {
    await restoreSession();
  } catch (err) {
    toast(err.message, { error: true }); // offline: pages will ask again
  }
  document.addEventListener('anju:counts-changed', refreshBadges);
  await start({
    view: document.getElementById('view'),
    title: document.getElementById('title'),
    back: document.getElementById('back'),
    tabbar: document.getElementById('tabbar'),
    onRender: refreshBadges,
  });
}

boot();
