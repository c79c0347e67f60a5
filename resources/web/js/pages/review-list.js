// pages/review-list.js: what the review pages' lists share (the to-do and
// done lists, the publicity list): a row, a paged list with a "more"
// button, filter links and an error box. Not a page: the pages import it.

import { _, fmt } from '../core/i18n.js';
import {
  h, clear, showError, emptyState, busy, formatDate, formatDateTime,
} from '../core/dom.js';
import * as api from '../core/api.js';
import { actionLabel, recordHash } from './review-labels.js';

const PAGE_SIZE = 20;

// An error box, hidden until dom.js showError() fills it.
export function errorBox(id = null) {
  return h('div', { class: 'error', id, hidden: true, attrs: { role: 'alert' } });
}

export function hideError(box) {
  clear(box);
  box.hidden = true;
}

// A row of filter links; the lit one is the current page's.
export function filterLinks(label, links) {
  return h('nav', { class: 'toolbar', attrs: { 'aria-label': label } },
    links.map(({ text, hash, active, dataset }) => h('a', {
      class: active ? 'button primary' : 'button',
      attrs: { href: hash, 'aria-current': active ? 'page' : null },
      dataset,
    }, text)));
}

// One row of a list: a link filling the row, or a plain row without one.
export function listRow(hash, dataset, className, children) {
  const main = h('div', { class: 'item-main' }, children);
  const inner = hash
    ? h('a', { attrs: { href: hash }, dataset }, main)
    : h('div', { class: 'list-row', dataset }, main);
  return h('li', { class: className ? `list-item ${className}` : 'list-item' }, inner);
}

function dueLine(item) {
  if (!item.due_at) {
    return null;
  }
  const date = formatDate(item.due_at);
  if (item.overdue) {
    return h('span', { class: 'item-meta' },
      h('span', { class: 'badge', dataset: { overdue: '' } }, _('Overdue')), ' ',
      fmt(_('due {date}'), { date }));
  }
  return h('span', { class: 'item-meta' }, fmt(_('Due {date}'), { date }));
}

// What the user did on a done task: the action, when, and the comment.
function doneLines(item) {
  return [
    h('span', { class: 'item-meta', dataset: { doneAction: item.action || '' } },
      fmt(_('{action} on {date}'), {
        action: actionLabel(item.action),
        date: formatDateTime(item.done_at),
      })),
    item.comment ? h('span', { class: 'item-meta', dataset: { comment: '' } }, item.comment) : null,
  ];
}

// One task of the to-do list (or, with done, of the done list): opens its
// record where the phone has a page for it.
export function taskItem(item, { done = false } = {}) {
  const target = recordHash(item);
  return listRow(target, { taskId: item.task_id, recordId: item.record_id },
    item.overdue && !done ? 'overdue' : null, [
      h('span', { class: 'item-title' }, item.record_label || item.type_name),
      h('span', { class: 'item-meta' },
        fmt(_('{type} · {step}'), { type: item.type_name, step: item.step_name })),
      item.kind === 'supplement' ? h('span', { class: 'item-meta' }, _('Supplement the materials')) : null,
      done ? doneLines(item) : dueLine(item),
      target ? null : h('span', { class: 'item-meta' }, _('Handle this on the desktop')),
    ]);
}

// Fills list with the first page of path (query added), then a page more
// at each tap on "more". Rejects when the first page fails.
export async function pagedList(view, list, path, query, makeItem, emptyText) {
  const more = h('div', { class: 'pager' });
  const errors = errorBox();
  view.append(list, errors, more);

  async function load(page) {
    const answer = await api.get(path, { ...query, page, page_size: PAGE_SIZE });
    for (const item of answer.items) {
      list.append(makeItem(item));
    }
    if (page === 1 && answer.items.length === 0) {
      list.replaceWith(emptyState(emptyText));
    }
    clear(more);
    if (answer.next) {
      const button = h('button', {
        type: 'button',
        class: 'button block',
        dataset: { action: 'more' },
      }, _('More'));
      button.addEventListener('click', () => {
        hideError(errors);
        busy(button, load(answer.next)).catch((err) => showError(errors, err));
      });
      more.append(button);
    }
  }
  await load(1);
}
