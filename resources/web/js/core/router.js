// core/router.js — hash routes of the mobile web.
//
// A page registers itself with route(pattern, page) when its module is
// imported (pages/index.js imports them all). On every hash change the
// router leaves the old page, checks the session (pages are private unless
// page.public), sets the title, the back button and the lit tab, clears
// <main> and awaits page.render(view, params, query). While a page renders
// body[data-ready] is absent; afterwards body[data-page] is the pattern and
// body[data-ready] is "1" — the browser tests wait on that.

import { _ } from './i18n.js';
import { user } from './api.js';
import { clear, emptyState, showError, h } from './dom.js';

const routes = [];
// Tab roots and the home: no back button there.
const TOP_LEVEL = new Set(['/', '/sign-in', '/todo', '/scan', '/messages', '/me']);

let shell = null;
let active = null;        // {page, pattern}
let renderSerial = 0;
let inAppSteps = 0;       // hash changes since the app started: may the back button go back?

function compile(pattern) {
  const names = [];
  const source = pattern.split('/').map((part) => {
    if (part.startsWith(':')) {
      names.push(part.slice(1));
      return '([^/]+)';
    }
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('/');
  return { regex: new RegExp(`^${source}$`), names };
}

export function route(pattern, page) {
  routes.push({ pattern, page, ...compile(pattern) });
}

function parseHash(hash) {
  const raw = (hash || '').replace(/^#/, '') || '/';
  const at = raw.indexOf('?');
  const path = at < 0 ? raw : raw.slice(0, at);
  const query = {};
  for (const [key, value] of new URLSearchParams(at < 0 ? '' : raw.slice(at + 1)))
    query[key] = value;
  return { path: path || '/', query };
}

function match(path) {
  for (const entry of routes) {
    const found = entry.regex.exec(path);
    if (!found)
      continue;
    const params = {};
    entry.names.forEach((name, i) => {
      params[name] = decodeURIComponent(found[i + 1]);
    });
    return { entry, params };
  }
  return null;
}

export function current() {
  const hash = location.hash && location.hash !== '#' ? location.hash : '#/';
  const { path, query } = parseHash(hash);
  const found = match(path);
  return { hash, path, params: found ? found.params : {}, query };
}

export function go(hash) {
  if (location.hash === hash || (hash === '#/' && !location.hash))
    render();
  else
    location.hash = hash;
}

function goBack() {
  if (inAppSteps > 1)
    history.back();
  else
    go('#/');
}

function setChrome(pattern, page, signedIn, params, query) {
  const title = page.title ? page.title(params, query) : '';
  shell.title.textContent = title;
  document.title = title ? `${title} · ${_('Anju')}` : _('Anju');
  shell.back.hidden = TOP_LEVEL.has(pattern) || page.back === false;
  shell.tabbar.hidden = !signedIn || pattern === '/sign-in';
  document.body.classList.toggle('has-tabbar', !shell.tabbar.hidden);
  for (const tab of shell.tabbar.querySelectorAll('[data-tab]')) {
    const lit = tab.dataset.tab === page.tab;
    tab.classList.toggle('active', lit);
    if (lit)
      tab.setAttribute('aria-current', 'page');
    else
      tab.removeAttribute('aria-current');
  }
}

const notFound = {
  title: () => _('Page not found'),
  public: true,
  tab: null,
  render: async (view) => {
    view.append(emptyState(_('This page does not exist.')),
      h('p', { class: 'center' }, h('a', { class: 'button', href: '#/' }, _('Home'))));
  },
};

async function render() {
  const serial = ++renderSerial;
  delete document.body.dataset.ready;
  if (active && active.page.leave) {
    try {
      active.page.leave();
    } catch (e) {
      console.warn('leave', e);
    }
  }

  const here = current();
  const found = match(here.path);
  const entry = found ? found.entry : { pattern: '*', page: notFound };
  const page = entry.page;
  if (!page.public && !user()) {
    go(`#/sign-in?next=${encodeURIComponent(here.hash)}`);
    return;
  }

  active = { page, pattern: entry.pattern };
  setChrome(entry.pattern, page, Boolean(user()), found ? found.params : {}, here.query);
  clear(shell.view);
  shell.view.scrollTop = 0;
  window.scrollTo(0, 0);
  try {
    await page.render(shell.view, found ? found.params : {}, here.query);
  } catch (err) {
    if (serial !== renderSerial)
      return;
    if (err && err.code === 'unauthorized')
      return; // on the way to the sign-in page
    console.warn('render', err);
    const box = h('div', { class: 'error' });
    showError(box, err);
    shell.view.append(box);
  }
  if (serial !== renderSerial || current().hash !== here.hash)
    return; // the page went elsewhere, or another hash change started
  document.body.dataset.page = entry.pattern;
  document.body.dataset.ready = '1';
  if (shell.onRender)
    shell.onRender(entry.pattern);
}

// Called once by app.js with the shell's elements.
export function start({ view, title, back, tabbar, onRender = null }) {
  shell = { view, title, back, tabbar, onRender };
  back.addEventListener('click', goBack);
  window.addEventListener('hashchange', () => {
    inAppSteps += 1;
    render();
  });
  inAppSteps = 1;
  return render();
}
