// pages/publicity.js: #/publicity, the street publicity of applications in
// the user's scope (街道公示, F-PRH-005 publicity), open or ended, searched
// by publicity no., application no. or applicant. docs/api.md "Review,
// publicity and announcement".

import { _, ngettext, fmt } from '../core/i18n.js';
import { h, field, formatDate } from '../core/dom.js';
import { route, go } from '../core/router.js';
import { pagedList, listRow, filterLinks } from './review-list.js';
import { publicityStateLabel } from './review-labels.js';

const STATES = [
  { state: '', label: () => _('All') },
  { state: 'open', label: () => _('In publicity') },
  { state: 'ended', label: () => _('Ended') },
];

function listHash(state, q) {
  const params = new URLSearchParams();
  if (state) {
    params.set('state', state);
  }
  if (q) {
    params.set('q', q);
  }
  const text = params.toString();
  return text ? `#/publicity?${text}` : '#/publicity';
}

function publicityItem(publicity) {
  const application = publicity.application || {};
  return listRow(`#/publicity/${publicity.id}`,
    { publicityId: publicity.id, state: publicity.state || '' }, null, [
      h('span', { class: 'item-title' }, fmt(_('{number} · {applicant}'), {
        number: application.application_no,
        applicant: application.applicant_name,
      })),
      h('span', { class: 'item-meta' }, fmt(_('{number}, {start} to {end}'), {
        number: publicity.publicity_no,
        start: formatDate(publicity.start_at),
        end: formatDate(publicity.end_at),
      })),
      h('span', { class: 'item-meta' }, publicityStateLabel(publicity)),
      publicity.objection_count > 0
        ? h('span', { class: 'item-meta' }, fmt(ngettext('{n} objection, {pending} awaiting verification',
          '{n} objections, {pending} awaiting verification', publicity.objection_count), {
          n: publicity.objection_count,
          pending: publicity.pending_objections,
        }))
        : null,
    ]);
}

function searchForm(state, q) {
  const input = h('input', {
    type: 'search',
    value: q,
    attrs: { name: 'q', enterkeyhint: 'search', autocomplete: 'off' },
  });
  const form = h('form', { class: 'form', attrs: { role: 'search' } },
    field(_('Publicity no., application no. or applicant'), input),
    h('button', { type: 'submit', class: 'button block', dataset: { action: 'search' } }, _('Search')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(listHash(state, input.value.trim()));
  });
  return form;
}

route('/publicity', {
  title: () => _('Street publicity'),
  tab: 'todo',
  render: async (view, params, query) => {
    const state = ['open', 'ended'].includes(query.state) ? query.state : '';
    const q = query.q || '';
    view.append(
      filterLinks(_('Filter the publicity'), STATES.map((entry) => ({
        text: entry.label(),
        hash: listHash(entry.state, q),
        active: entry.state === state,
        dataset: { filter: entry.state || 'all' },
      }))),
      searchForm(state, q));
    const list = h('ul', { id: 'publicity-list', class: 'list' });
    await pagedList(view, list, '/pubrent/publicity', { kind: 'street', state, q },
      publicityItem, _('No publicity matches.'));
  },
});
