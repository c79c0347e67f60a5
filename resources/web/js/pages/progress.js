// progress.js: #/progress — a citizen looks up the progress of an
// application without an account (issue 6 item 5; F-PRH-003 processing
// nodes): application number + phone → the status, the masked applicant
// name and the timeline, nothing else.
//
// The server answers 404 when the pair does not match and says nothing of
// which half was wrong; the page does the same.  After
// [pubrent] progress_per_minute tries from one address it answers 429.

import { _, fmt } from '../core/i18n.js';
import { h, clear, showError, busy, fieldErrors, formatDateTime } from '../core/dom.js';
import { ApiError, post } from '../core/api.js';
import { route } from '../core/router.js';

function stateLabel(state) {
  switch (state) {
    case 'done': return _('Done');
    case 'current': return _('In progress');
    case 'pending': return _('Not yet');
    case 'skipped': return _('Not needed');
    case 'failed': return _('Not passed');
    default: return state;
  }
}

function timelineNode(node) {
  return h('li', { class: `timeline-node timeline-${node.state}`, dataset: { key: node.key, state: node.state } },
    h('span', { class: 'timeline-name' }, node.name),
    h('span', { class: 'timeline-state' }, stateLabel(node.state)),
    node.at ? h('time', { class: 'timeline-at', attrs: { datetime: node.at } }, formatDateTime(node.at)) : null);
}

function answerView(answer) {
  const nodes = (answer.timeline && answer.timeline.nodes) || [];
  return h('section', { class: 'card', dataset: { result: 'progress' }, attrs: { 'aria-live': 'polite' } },
    h('h2', {}, answer.application_no),
    h('p', {}, _('Status'), ' ',
      h('span', { class: 'badge', dataset: { field: 'status', status: answer.status } }, answer.status_label)),
    h('p', { dataset: { field: 'applicant_name' } },
      fmt(_('Applicant: {name}'), { name: answer.applicant_name })),
    h('ol', { class: 'timeline', attrs: { 'aria-label': _('Progress') } }, nodes.map(timelineNode)));
}

function messageView(kind, text) {
  return h('p', { class: 'notice field-error', dataset: { message: kind }, attrs: { role: 'alert' } }, text);
}

function field(id, name, label, props) {
  const input = h('input', { id, ...props, attrs: { name, autocomplete: 'off', ...props.attrs } });
  return [h('label', { attrs: { for: id } }, label), input];
}

async function render(view) {
  const result = h('div', { class: 'progress-result' });
  const button = h('button', { type: 'submit', class: 'button primary', dataset: { action: 'query' } },
    _('Look up'));
  const form = h('form', { class: 'form', dataset: { form: 'progress' }, attrs: { novalidate: '' } },
    h('p', {}, _('Type the application number on your receipt and the mobile phone number given in the application.')),
    field('progress-number', 'application_no', _('Application number'), {
      type: 'text', attrs: { autocapitalize: 'characters', spellcheck: 'false', placeholder: 'GZF-2026-000123' },
    }),
    field('progress-phone', 'phone', _('Mobile phone'), {
      type: 'tel', attrs: { inputmode: 'numeric', maxlength: '11' },
    }),
    button);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const number = form.elements.application_no.value.trim().toUpperCase();
    const phone = form.elements.phone.value.replace(/\s+/g, '');
    clear(result);
    form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
    if (number === '' || phone === '') {
      result.append(messageView('missing', _('Type both the application number and the phone number.')));
      return;
    }
    busy(button, post('/public/pubrent/progress', { application_no: number, phone }))
      .then((answer) => result.append(answerView(answer)))
      .catch((err) => {
        if (err instanceof ApiError && err.status === 404)
          result.append(messageView('not-found', _('No application matches this number and phone. Check both and try again.')));
        else if (err instanceof ApiError && err.status === 429)
          result.append(messageView('rate-limited', _('Too many tries. Wait a minute, then try again.')));
        else if (err instanceof ApiError && err.status === 422)
          fieldErrors(form, err);
        else
          showError(result, err);
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
