// pages/done.js: #/done, the tasks the signed-in user acted on, newest
// first, with the action and the comment (我的经办, F-PORTAL-032).
// docs/api.md "To-do and done".

import { _ } from '../core/i18n.js';
import { h } from '../core/dom.js';
import { route } from '../core/router.js';
import { taskItem, pagedList } from './review-list.js';

route('/done', {
  title: () => _('Tasks I handled'),
  tab: 'todo',
  render: async (view) => {
    view.append(h('p', {},
      h('a', { attrs: { href: '#/todo' }, dataset: { action: 'todo' } }, _('Back to the to-do list'))));
    const list = h('ul', { id: 'done-list', class: 'list' });
    await pagedList(view, list, '/done', {}, (item) => taskItem(item, { done: true }),
      _('You have not handled any task yet.'));
  },
});
