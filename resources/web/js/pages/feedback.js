// pages/feedback.js — #/feedback (my feedback, its status and the reply)
// and #/feedback/new (F-PORTAL-034 feedback).
//
// The text being written is kept as a draft (core/drafts.js) until the
// server accepted it, so an expired session or a lost connection loses
// nothing.

import { _ } from '../core/i18n.js';
import { get, post } from '../core/api.js';
import { route, go } from '../core/router.js';
import { h, field, fieldErrors, showError, busy, emptyState, formatDateTime, toast, clear } from '../core/dom.js';
import { bindDraft, clearDraft } from '../core/drafts.js';

const PAGE_SIZE = 20;

const TYPES = [
  ['function', () => _('Function improvement')],
  ['service', () => _('Service experience')],
  ['technical', () => _('Technical problem')],
  ['other', () => _('Other')],
];

function typeLabel(type) {
  const found = TYPES.find(([code]) => code === type);
  return found ? found[1]() : type;
}

function statusBadge(status) {
  return status === 'replied'
    ? h('span', { class: 'badge ok', dataset: { status } }, _('Replied'))
    : h('span', { class: 'badge warn', dataset: { status } }, _('Awaiting reply'));
}

function feedbackItem(item) {
  return h('li', { class: 'list-item', dataset: { id: item.id, status: item.status } },
    h('div', { class: 'list-row' },
      h('div', { class: 'item-main' },
        h('span', { class: 'item-head' }, h('span', { class: 'item-title' }, item.title), statusBadge(item.status)),
        h('span', { class: 'item-meta' }, `${typeLabel(item.type)} · ${formatDateTime(item.created_at)}`),
        h('p', { class: 'feedback-content' }, item.content),
        item.reply ? h('div', { class: 'reply' },
          h('span', { class: 'item-meta' },
            [_('Reply'), item.replied_by ? item.replied_by.name : null, formatDateTime(item.replied_at)]
              .filter(Boolean).join(' · ')),
          h('p', { class: 'feedback-reply' }, item.reply)) : null)));
}

async function renderList(view) {
  view.append(h('div', { class: 'toolbar' },
    h('span', { class: 'spacer' }),
    h('a', { class: 'button primary', href: '#/feedback/new', dataset: { action: 'new-feedback' } }, _('New feedback'))));
  const errorBox = h('div', { class: 'error', hidden: true });
  const list = h('ul', { class: 'list', id: 'feedback-list' });
  const more = h('button', { type: 'button', class: 'button block', id: 'feedback-more', hidden: true }, _('Load more'));
  let page = 1;
  const load = async () => {
    const answer = await get('/feedback', { mine: 'true', page, page_size: PAGE_SIZE });
    for (const item of answer.items)
      list.append(feedbackItem(item));
    more.hidden = !answer.next;
    page = answer.next || page;
    return answer;
  };
  const first = await load();
  if (first.items.length === 0)
    view.append(emptyState(_('You have not sent any feedback yet.')));
  else
    view.append(list, more, errorBox);
  more.addEventListener('click', () => busy(more, load()).catch((err) => showError(errorBox, err)));
}

function renderNew(view) {
  const type = h('select', { name: 'type', required: true },
    TYPES.map(([code, label]) => h('option', { value: code }, label())));
  const title = h('input', { name: 'title', type: 'text', required: true, attrs: { maxlength: 100 } });
  const content = h('textarea', { name: 'content', required: true, attrs: { rows: 6, maxlength: 2000 } });
  const submit = h('button', { type: 'submit', class: 'button primary block' }, _('Send'));
  const errorBox = h('div', { class: 'error', id: 'feedback-error', hidden: true, attrs: { role: 'alert' } });
  const form = h('form', { id: 'feedback-new', class: 'form', attrs: { novalidate: true } },
    field(_('Type'), type),
    field(_('Title'), title),
    field(_('Content'), content),
    submit, errorBox);
  bindDraft(title, 'feedback.title');
  bindDraft(content, 'feedback.content');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(errorBox);
    errorBox.hidden = true;
    const body = { type: type.value, title: title.value.trim(), content: content.value.trim() };
    try {
      await busy(submit, post('/feedback', body));
    } catch (err) {
      const rest = fieldErrors(form, err);
      if (err.code !== 'validation_failed' || Object.keys(rest).length > 0)
        showError(errorBox, err);
      return;
    }
    clearDraft('feedback.title');
    clearDraft('feedback.content');
    toast(_('Thank you: your feedback was sent.'));
    go('#/feedback');
  });
  view.append(h('section', { class: 'card' }, form));
}

route('/feedback', {
  title: () => _('Feedback'),
  tab: 'me',
  render: renderList,
});

route('/feedback/new', {
  title: () => _('New feedback'),
  tab: 'me',
  render: async (view) => renderNew(view),
});
