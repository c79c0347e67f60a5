// pages/me.js — #/me, my account (F-PORTAL-030 personal information):
// name, user name, organisation, roles, the phone masked, changing the
// password and signing out.
//
// The server answers the user's own phone in full (it is theirs); a phone
// screen is read over shoulders, so it is shown masked as everywhere else
// (138****1234, core/mask.js), unless already masked.

import { _ } from '../core/i18n.js';
import { user, signOut } from '../core/api.js';
import { route } from '../core/router.js';
import { h, busy, toast } from '../core/dom.js';
import { maskPhone } from '../core/mask.js';
import { passwordForm } from './password-form.js';

function row(label, value, id) {
  return [h('dt', {}, label), h('dd', { id }, value || '—')];
}

route('/me', {
  title: () => _('My account'),
  tab: 'me',
  render: async (view) => {
    const me = user();
    const roles = (me.roles || []).map((r) => r.name).join('、');
    const signOutButton = h('button', {
      type: 'button', class: 'button danger block', id: 'sign-out', dataset: { action: 'sign-out' },
    }, _('Sign out'));
    signOutButton.addEventListener('click', () => busy(signOutButton, signOut()));

    view.append(
      h('section', { class: 'card', id: 'account' },
        h('h2', {}, me.name),
        h('dl', { class: 'meta-list' },
          row(_('User name'), me.username, 'account-username'),
          row(_('Organisation'), me.organisation ? me.organisation.name : '', 'account-org'),
          row(_('Roles'), roles, 'account-roles'),
          row(_('Phone'), maskPhone(me.phone), 'account-phone'))),
      h('ul', { class: 'list' },
        h('li', { class: 'list-item' },
          h('a', { href: '#/feedback' }, h('span', { class: 'item-main' }, h('span', { class: 'item-title' }, _('My feedback'))))),
        h('li', { class: 'list-item' },
          h('a', { href: '#/done' }, h('span', { class: 'item-main' }, h('span', { class: 'item-title' }, _('Handled')))))),
      h('section', { class: 'card' },
        h('h2', {}, _('Change password')),
        passwordForm({
          id: 'change-password',
          onDone: () => {
            toast(_('Your password was changed.'));
            for (const input of view.querySelectorAll('#change-password input'))
              input.value = '';
          },
        })),
      signOutButton);
  },
});
