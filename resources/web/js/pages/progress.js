// progress.js: #/progress — a citizen looks up the progress of an
// application without an account (issue 6 item 5; F-PRH-003 processing
// nodes): application number + phone → the status, the masked applicant
// name and the timeline, nothing else.
//
// The server answers 404 when the pair does not match and says nothing of
// which half was wrong; the page does the same.  After
// [pubrent] progress_per_minute tries from one address it answers 429.
//
// The query goes without credentials: it is the citizen's, even when the
// phone also holds a staff session, so it neither carries that session
// nor needs its CSRF token.

import { _ } from '../core/i18n.js';
import { h, clear, field, fieldErrors, busy, formatDateTime } from '../core/dom.js';
import { ApiError } from '../core/api.js';
import { route } from '../core/router.js';

const PROGRESS_URL = '/api/v1/public/pubrent/progress';

async function lookUp(number, phone) {
  let response;
  let body = null;
  try {
    response = await fetch(PROGRESS_URL, {
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ application_no: number, phone }),
    });
    body = await response.json().catch(() => null);
  } catch {
    throw new ApiError(0, 'network', _('The lookup could not reach the server. Check the connection and try again.'));
  }
  if (response.ok)
    return body;
  const error = (body && body.error) || {};
  throw new ApiError(response.status, error.code || `http_${response.status}`,
                     error.message || _('The lookup failed. Try again.'), error.fields || null);
}

function stateLabel(state) {
  switch (state) {
    case 'done': return _('Completed');
    case 'current': return _('In progress');
    case 'pending': return _('Not yet');
    case 'skipped': return _('Not needed');
    case 'failed': return _('Not passed');
    default: return state;
  }
}

const STATE_BADGE = { done: 'ok', current: 'warn', failed: '' };

function timelineNode(node) {
  const badge = node.state in STATE_BADGE ? `badge ${STATE_BADGE[node.state]}` : 'badge neutral';
  return h('li', { class: 'list-item', dataset: { key: node.key, state: node.state } },
    h('div', { class: 'list-row' },
      h('span', { class: 'item-main' },
        h('span', { class: 'item-title' }, node.name),
        node.at ? h('time', { class: 'item-meta', attrs: { datetime: node.at } }, formatDateTime(node.at)) : null),
      h('span', { class: badge }, stateLabel(node.state))));
}

function answerView(answer) {
  const nodes = (answer.timeline && answer.timeline.nodes) || [];
  return h('div', { dataset: { result: 'progress' } },
    h('section', { class: 'card' },
      h('h2', {}, answer.application_no),
      h('dl', { class: 'meta-list' },
        h('dt', {}, _('Status')),
        h('dd', { dataset: { field: 'status', status: answer.status } }, answer.status_label),
        h('dt', {}, _('Applicant')),
        h('dd', { dataset: { field: 'applicant_name' } }, answer.applicant_name))),
    h('ol', { class: 'list', attrs: { 'aria-label': _('Progress') } }, nodes.map(timelineNode)));
}

function messageView(kind, text) {
  return h('div', { class: 'error', dataset: { message: kind }, attrs: { role: 'alert' } },
    h('p', { class: 'error-message' }, text));
}

async function render(view) {
  const result = h('div', { attrs: { 'aria-live': 'polite' } });
  const number = h('input', {
    type: 'text', name: 'application_no',
    attrs: { autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', placeholder: 'GZF-2026-000123' },
  });
  const phone = h('input', {
    type: 'tel', name: 'phone', attrs: { autocomplete: 'off', inputmode: 'numeric', maxlength: 11 },
  });
  const button = h('button', { type: 'submit', class: 'button primary block', dataset: { action: 'query' } },
    _('Look up'));
  const form = h('form', { class: 'form', dataset: { form: 'progress' }, attrs: { novalidate: true } },
    h('p', { class: 'muted' },
      _('Type the application number on your receipt and the mobile phone number given in the application.')),
    field(_('Application number'), number),
    field(_('Mobile phone'), phone),
    button);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const numberText = number.value.trim().toUpperCase();
    const phoneText = phone.value.replace(/\s+/g, '');
    clear(result);
    fieldErrors(form, null);
    if (numberText === '' || phoneText === '') {
      result.append(messageView('missing', _('Type both the application number and the phone number.')));
      return;
    }
    busy(button, lookUp(numberText, phoneText))
      .then((answer) => result.append(answerView(answer)))
      .catch((err) => {
        if (err.status === 404)
          result.append(messageView('not-found', _('No application matches this number and phone. Check both and try again.')));
        else if (err.status === 429)
          result.append(messageView('rate-limited', _('Too many tries. Wait a minute, then try again.')));
        else if (err.status === 422 && err.fields)
          fieldErrors(form, err);
        else
          result.append(messageView('error', err.message));
      });
  });

  view.append(h('section', { class: 'card' }, form), result);
}

route('/progress', {
  title: () => _('Application progress'),
  public: true,
  tab: null,
  render,
});
