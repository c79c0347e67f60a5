// pages/home.js — #/ the mobile home (F-PORTAL-024 to-do, F-PORTAL-025
// messages, F-PORTAL-026/027/028 news, notices and guides).
//
// A greeting with the user's name and organisation, the open to-do and
// unread message counts, and one tile per thing a street or community
// worker does on the phone.

import { _, fmt } from '../core/i18n.js';
import { get, user } from '../core/api.js';
import { route } from '../core/router.js';
import { h } from '../core/dom.js';

function greeting() {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  if (hour < 12)
    return _('Good morning, {name}');
  if (hour < 18)
    return _('Good afternoon, {name}');
  return _('Good evening, {name}');
}

function tile(href, label, action, count = null) {
  return h('li', {},
    h('a', { class: 'tile', href, dataset: { action } },
      count === null ? null : h('span', { class: 'tile-count' }, String(count)),
      h('span', { class: 'tile-label' }, label)));
}

route('/', {
  title: () => _('Anju'),
  tab: null,
  render: async (view) => {
    const me = user();
    const [todo, unread] = await Promise.all([get('/todo/counts'), get('/messages/unread-count')]);
    const org = me.organisation ? me.organisation.name : '';
    view.append(
      h('section', { class: 'card', id: 'greeting' },
        h('h2', { id: 'greeting-name' }, fmt(greeting(), { name: me.name })),
        h('p', { class: 'muted', id: 'greeting-org' }, org)),
      h('div', { class: 'summary' },
        h('a', { href: '#/todo', id: 'count-todo', dataset: { count: todo.total } },
          h('strong', {}, String(todo.total)),
          h('span', {}, _('Open to-do'))),
        h('a', { href: '#/todo?overdue=true', id: 'count-overdue', dataset: { count: todo.overdue } },
          h('strong', {}, String(todo.overdue)),
          h('span', {}, _('Overdue'))),
        h('a', { href: '#/messages?unread=true', id: 'count-unread', dataset: { count: unread.unread } },
          h('strong', {}, String(unread.unread)),
          h('span', {}, _('Unread messages')))),
      h('h2', { class: 'section-title' }, _('Work')),
      h('ul', { class: 'tiles', id: 'tiles-work' },
        tile('#/todo', _('To-do'), 'todo'),
        tile('#/done', _('Handled'), 'done'),
        tile('#/scan', _('Scan'), 'scan'),
        tile('#/publicity', _('Publicity'), 'publicity'),
        tile('#/progress', _('Progress lookup'), 'progress'),
        tile('#/messages', _('Messages'), 'messages')),
      h('h2', { class: 'section-title' }, _('Information')),
      h('ul', { class: 'tiles', id: 'tiles-info' },
        tile('#/articles?kind=news', _('News'), 'news'),
        tile('#/articles?kind=notice', _('Notices'), 'notices'),
        tile('#/articles?kind=guide', _('Guides'), 'guides'),
        tile('#/feedback', _('Feedback'), 'feedback'),
        tile('#/me', _('My account'), 'me')));
  },
});
