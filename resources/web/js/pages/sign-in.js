// pages/sign-in.js — #/sign-in (F-PORTAL-001 sign-in for the mobile web).
//
// The same lockout and session rules as the desktop: the server decides,
// this page shows its message (wrong password, locked until when) under
// the form. A user who must change the password gets the change-password
// form before anything else. ?next=<hash> is where to go afterwards (only
// a hash of this app, never a URL).

import { _ } from '../core/i18n.js';
import { signIn, user } from '../core/api.js';
import { route, go } from '../core/router.js';
import { h, field, fieldErrors, showError, busy, clear } from '../core/dom.js';
import { passwordForm } from './password-form.js';

function nextHash(query) {
  const next = query.next || '';
  if (/^#\/[^\s]*$/.test(next) && !next.startsWith('#/sign-in'))
    return next;
  return '#/';
}

function renderChange(view, query) {
  clear(view);
  view.append(
    h('section', { class: 'card' },
      h('h2', {}, _('Change your password')),
      h('p', { class: 'muted' }, _('Your password must be changed before you continue.')),
      passwordForm({ id: 'change-password', onDone: () => go(nextHash(query)) })));
  view.querySelector('input').focus();
}

function renderForm(view, query) {
  const username = h('input', {
    name: 'username', type: 'text', required: true,
    attrs: { autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', inputmode: 'text' },
  });
  const password = h('input', {
    name: 'password', type: 'password', required: true,
    attrs: { autocomplete: 'current-password' },
  });
  const submit = h('button', { type: 'submit', class: 'button primary block' }, _('Sign in'));
  const errorBox = h('div', { class: 'error', id: 'sign-in-error', hidden: true, attrs: { role: 'alert' } });
  const form = h('form', { id: 'sign-in', class: 'form', attrs: { novalidate: true } },
    field(_('User name'), username),
    field(_('Password'), password),
    submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(errorBox);
    errorBox.hidden = true;
    const fields = {};
    if (!username.value.trim())
      fields.username = _('Enter your user name.');
    if (!password.value)
      fields.password = _('Enter your password.');
    fieldErrors(form, { status: 422, code: 'validation_failed', fields });
    if (Object.keys(fields).length > 0)
      return;
    let me;
    try {
      me = await busy(submit, signIn(username.value.trim(), password.value));
    } catch (err) {
      showError(errorBox, err);
      password.select();
      return;
    }
    if (me.must_change_password)
      renderChange(view, query);
    else
      go(nextHash(query));
  });

  view.append(
    h('div', { class: 'sign-in-brand' },
      h('p', { class: 'sign-in-name' }, _('Anju')),
      h('p', { class: 'muted' }, _('Guaranteed housing, mobile workbench'))),
    h('section', { class: 'card' }, form, errorBox),
    // Citizens who reach this page have no account: their lookup needs none.
    h('p', { class: 'sign-in-progress' },
      h('a', { id: 'progress-link', class: 'button block', attrs: { href: '#/progress' } },
        _('Check an application\'s progress (no account needed)'))));
}

route('/sign-in', {
  title: () => _('Sign in'),
  public: true,
  tab: null,
  render: async (view, params, query) => {
    const me = user();
    if (me && me.must_change_password) {
      renderChange(view, query);
      return;
    }
    if (me && !query.change) {
      go(nextHash(query));
      return;
    }
    renderForm(view, query);
  },
});
