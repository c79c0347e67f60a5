// pages/password-form.js — the change-password form, shown by the sign-in
// page (must_change_password) and by the account page. Not a page itself.
//
// The confirmation is checked here (the server never sees it); everything
// else — the old password, the policy — is the server's 422 with fields,
// shown under each input. Nothing typed is cleared on an error.

import { _ } from '../core/i18n.js';
import { post, reloadUser } from '../core/api.js';
import { h, field, fieldErrors, showError, busy, clear } from '../core/dom.js';

function passwordInput(name, autocomplete) {
  return h('input', {
    name, type: 'password', required: true,
    attrs: { autocomplete, autocapitalize: 'none', spellcheck: 'false' },
  });
}

// onDone() runs after the server accepted the new password.
export function passwordForm({ id = 'change-password', onDone }) {
  const oldInput = passwordInput('old_password', 'current-password');
  const newInput = passwordInput('new_password', 'new-password');
  const confirmInput = passwordInput('confirm_password', 'new-password');
  const errorBox = h('div', { class: 'error', id: `${id}-error`, hidden: true, attrs: { role: 'alert' } });
  const submit = h('button', { type: 'submit', class: 'button primary block' }, _('Change password'));
  const form = h('form', { id, class: 'form', attrs: { novalidate: true } },
    field(_('Current password'), oldInput),
    field(_('New password'), newInput,
      _('At least 8 characters with an upper-case letter, a lower-case letter, a digit and a special character, not containing your user name.')),
    field(_('Confirm the new password'), confirmInput),
    submit, errorBox);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(errorBox);
    errorBox.hidden = true;
    const fields = {};
    if (!oldInput.value)
      fields.old_password = _('Enter your current password.');
    if (!newInput.value)
      fields.new_password = _('Enter a new password.');
    if (newInput.value !== confirmInput.value)
      fields.confirm_password = _('The two new passwords differ.');
    if (Object.keys(fields).length > 0) {
      fieldErrors(form, { status: 422, code: 'validation_failed', fields });
      return;
    }
    try {
      await busy(submit, post('/auth/password', {
        old_password: oldInput.value,
        new_password: newInput.value,
      }));
      await reloadUser();
    } catch (err) {
      // Field errors go under their inputs; the box says what is left.
      const rest = fieldErrors(form, err);
      if (!err.fields || Object.keys(rest).length > 0)
        showError(errorBox, err);
      return;
    }
    fieldErrors(form, null);
    if (onDone)
      onDone();
  });
  return form;
}
