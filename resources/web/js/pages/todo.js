// pages/todo.js: #/todo, the open tasks of the signed-in user (统一待办,
// F-PORTAL-024), with the counts per type as filters, overdue marked, a
// page at a time ("more"). docs/api.md "To-do and done".

import { _, ngettext, fmt } from '../core/i18n.js';
import { h } from '../core/dom.js';
import * as api from '../core/api.js';
import { route } from '../core/router.js';
import { taskItem, pagedList, filterLinks } from './review-list.js';

function todoHash(query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value) {
      params.set(name, value);
    }
  }
  const text = params.toString();
  return text ? `#/todo?${text}` : '#/todo';
}

function filters(counts, query) {
  const links = [
    {
      text: fmt(_('All ({n})'), { n: counts.total }),
      hash: '#/todo',
      active: !query.type && !query.overdue,
      dataset: { filter: 'all' },
    },
    {
      text: fmt(_('Overdue ({n})'), { n: counts.overdue }),
      hash: todoHash({ overdue: 'true' }),
      active: query.overdue === 'true' && !query.type,
      dataset: { filter: 'overdue' },
    },
  ];
  for (const type of counts.types || []) {
    links.push({
      text: fmt(_('{name} ({n})'), { name: type.name, n: type.count }),
      hash: todoHash({ type: type.type }),
      active: query.type === type.type,
      dataset: { filter: 'type', type: type.type },
    });
  }
  return filterLinks(_('Filter the to-do list'), links);
}

function countLine(counts) {
  return h('p', { id: 'todo-count', dataset: { total: counts.total, overdue: counts.overdue } },
    fmt(ngettext('{n} open task', '{n} open tasks', counts.total), { n: counts.total }),
    counts.overdue > 0
      ? [' ', h('span', { class: 'badge' },
        fmt(ngettext('{n} overdue', '{n} overdue', counts.overdue), { n: counts.overdue }))]
      : null);
}

route('/todo', {
  title: () => _('To-do'),
  tab: 'todo',
  render: async (view, params, query) => {
    const counts = await api.get('/todo/counts');
    view.append(
      countLine(counts),
      filters(counts, query),
      h('p', {},
        h('a', { attrs: { href: '#/done' }, dataset: { action: 'done' } }, _('Tasks I handled')),
        api.hasPermission('pubrent.application.review')
          ? [' · ', h('a', { attrs: { href: '#/publicity' }, dataset: { action: 'publicity' } },
            _('Street publicity'))]
          : null));
    const list = h('ul', { id: 'todo-list', class: 'list' });
    await pagedList(view, list, '/todo', {
      type: query.type,
      overdue: query.overdue === 'true' ? 'true' : undefined,
    }, (item) => taskItem(item), _('Nothing to do. Well done.'));
  },
});
