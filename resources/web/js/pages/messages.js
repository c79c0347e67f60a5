// pages/messages.js — #/messages and #/messages/:id (F-PORTAL-025 unified
// messages: read and unread, search, reading one marks it read).

import { _, fmt } from '../core/i18n.js';
import { get, post } from '../core/api.js';
import { route, go } from '../core/router.js';
import { h, emptyState, showError, busy, formatDateTime, toast } from '../core/dom.js';

const PAGE_SIZE = 20;

function countsChanged() {
  document.dispatchEvent(new CustomEvent('anju:counts-changed'));
}

// Where a message's link leads in this app, or null.
function linkHash(link) {
  if (!link)
    return null;
  if (link.domain === 'pubrent.application' && link.record_id)
    return `#/applications/${link.record_id}`;
  if (link.domain === 'portal.feedback')
    return '#/feedback';
  return null;
}

function messageItem(message) {
  return h('li', {
    class: message.read_at ? 'list-item' : 'list-item unread',
    dataset: { id: message.id, unread: message.read_at ? '0' : '1' },
  },
  h('a', { href: `#/messages/${message.id}` },
    h('span', { class: 'item-main' },
      h('span', { class: 'item-title' }, message.title),
      h('span', { class: 'item-meta' }, formatDateTime(message.created_at)))));
}

function filterButton(label, pressed, hash, action) {
  return h('a', {
    class: 'tab-button', href: hash, dataset: { action },
    attrs: { 'aria-pressed': pressed ? 'true' : 'false', role: 'button' },
  }, label);
}

async function renderList(view, params, query) {
  const unreadOnly = query.unread === 'true';
  const q = query.q || '';
  const counts = await get('/messages/unread-count');

  const search = h('input', { name: 'q', type: 'search', value: q, attrs: { 'aria-label': _('Search messages'), enterkeyhint: 'search' } });
  const searchForm = h('form', { class: 'toolbar', id: 'messages-search', attrs: { role: 'search' } },
    h('div', { class: 'field grow' }, search),
    h('button', { type: 'submit', class: 'button' }, _('Search')));
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (unreadOnly)
      next.set('unread', 'true');
    if (search.value.trim())
      next.set('q', search.value.trim());
    const text = next.toString();
    go(text ? `#/messages?${text}` : '#/messages');
  });

  const readAll = h('button', {
    type: 'button', class: 'button', id: 'read-all', dataset: { action: 'read-all' },
    disabled: counts.unread === 0,
  }, _('Mark all read'));
  const errorBox = h('div', { class: 'error', hidden: true });
  const qs = q ? `&q=${encodeURIComponent(q)}` : '';
  view.append(
    h('div', { class: 'tabs', attrs: { role: 'group', 'aria-label': _('Show') } },
      filterButton(_('All'), !unreadOnly, `#/messages${q ? `?q=${encodeURIComponent(q)}` : ''}`, 'all'),
      filterButton(fmt(_('Unread ({n})'), { n: counts.unread }), unreadOnly, `#/messages?unread=true${qs}`, 'unread')),
    searchForm,
    h('div', { class: 'toolbar' },
      h('span', { class: 'muted', id: 'unread-count', dataset: { count: counts.unread } },
        fmt(_('{n} unread'), { n: counts.unread })),
      h('span', { class: 'spacer' }),
      readAll),
    errorBox);

  const list = h('ul', { class: 'list', id: 'messages-list' });
  const more = h('button', { type: 'button', class: 'button block', id: 'messages-more', hidden: true }, _('Load more'));
  let page = 1;
  const load = async () => {
    const answer = await get('/messages', { unread: unreadOnly ? 'true' : undefined, q, page, page_size: PAGE_SIZE });
    for (const message of answer.items)
      list.append(messageItem(message));
    more.hidden = !answer.next;
    page = answer.next || page;
    return answer;
  };
  const first = await load();
  if (first.items.length === 0)
    view.append(emptyState(unreadOnly ? _('No unread messages.') : _('No messages.')));
  else
    view.append(list, more);

  more.addEventListener('click', () => busy(more, load()).catch((err) => showError(errorBox, err)));
  readAll.addEventListener('click', async () => {
    try {
      await busy(readAll, post('/messages/read-all'));
    } catch (err) {
      showError(errorBox, err);
      return;
    }
    countsChanged();
    toast(_('All messages are marked read.'));
    go(q ? `#/messages?q=${encodeURIComponent(q)}` : '#/messages');
  });
}

async function renderMessage(view, params) {
  // Opening a message is reading it: the server answers the message.
  const message = await post(`/messages/${encodeURIComponent(params.id)}/read`);
  countsChanged();
  const target = linkHash(message.link);
  view.append(
    h('article', { class: 'card', id: 'message', dataset: { id: message.id } },
      h('h2', {}, message.title),
      h('p', { class: 'article-meta' }, formatDateTime(message.created_at)),
      h('div', { class: 'article-body' },
        String(message.body || '').split(/\n+/).filter((line) => line.trim()).map((line) => h('p', {}, line))),
      target ? h('p', {}, h('a', { class: 'button primary', href: target, dataset: { action: 'open-link' } }, _('Open the record'))) : null));
}

route('/messages', {
  title: () => _('Messages'),
  tab: 'messages',
  render: renderList,
});

route('/messages/:id', {
  title: () => _('Message'),
  tab: 'messages',
  render: renderMessage,
});
