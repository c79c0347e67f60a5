// pages/application.js: #/applications/:id, a public rental application on
// the phone (F-PRH-003 application detail and progress nodes, F-PRH-008
// review, F-PORTAL-029 street and community handling): the summary, the
// household, the materials, the timeline, and the review actions the
// engine allows the user at this step (approve, reject with a reason,
// return for supplement with a reason). Transfer and withdraw stay on the
// desktop.
//
// The reason is a draft (core/drafts.js): a session that ends while it is
// typed sends the user to sign-in, which comes back here with the reason.

import { _, fmt } from '../core/i18n.js';
import {
  h, field, toast, showError, fieldErrors, busy, formatDate, formatDateTime,
} from '../core/dom.js';
import * as api from '../core/api.js';
import { route, go, current } from '../core/router.js';
import { bindDraft, clearDraft } from '../core/drafts.js';
import {
  businessTypeLabel, relationLabel, fileCategoryLabel, timelineStateLabel,
  maskIdNumber, maskPhone,
} from './review-labels.js';
import { errorBox, hideError, listRow } from './review-list.js';

// The actions the phone offers, in the order of their buttons.
const PHONE_ACTIONS = ['approve', 'return', 'reject'];
const NEEDS_REASON = new Set(['reject', 'return']);

function actionButtonLabel(action) {
  switch (action) {
    case 'approve':
      return _('Approve');
    case 'reject':
      return _('Reject');
    default:
      return _('Return for supplement');
  }
}

function confirmQuestion(action, number) {
  switch (action) {
    case 'approve':
      return fmt(_('Approve application {number}? It moves on to the next step.'), { number });
    case 'reject':
      return fmt(_('Reject application {number}? The review ends with this reason.'), { number });
    default:
      return fmt(_('Return application {number} for supplement with this reason?'), { number });
  }
}

function row(term, value) {
  const shown = value === null || value === undefined || value === '' ? '—' : String(value);
  return [h('dt', {}, term), h('dd', {}, shown)];
}

function address(app) {
  const parts = [app.hukou_subdistrict, app.hukou_community, app.hukou_road,
    app.hukou_street_no, app.hukou_building, app.hukou_room].filter((part) => part);
  return parts.length ? parts.join(' ') : null;
}

function statusBadgeClass(status) {
  if (status === 'confirmed' || status === 'announcement') {
    return 'badge ok';
  }
  if (status === 'rejected' || status === 'returned' || status === 'prereview_failed') {
    return 'badge warn';
  }
  return 'badge neutral';
}

function summarySection(app) {
  return h('section', { class: 'card', attrs: { 'aria-labelledby': 'application-title' } },
    h('h2', { id: 'application-title' }, app.application_no || _('Application')),
    h('p', {}, h('span', {
      id: 'application-status',
      class: statusBadgeClass(app.status),
      dataset: { status: app.status },
    }, app.status_label || app.status)),
    h('dl', { class: 'meta-list' },
      row(_('Business type'), businessTypeLabel(app.business_type)),
      row(_('Applicant'), app.applicant_name),
      row(_('ID number'), maskIdNumber(app.id_no)),
      row(_('Phone'), maskPhone(app.phone)),
      row(_('Registered address'), address(app)),
      row(_('Household size'), app.household_size),
      row(_('Entered by'), app.org ? app.org.name : null),
      row(_('Submitted'), app.submitted_at ? formatDateTime(app.submitted_at) : null)));
}

function membersSection(app) {
  const members = app.members || [];
  return h('section', { class: 'card', attrs: { 'aria-labelledby': 'members-title' } },
    h('h2', { id: 'members-title' }, _('Household members')),
    h('ul', { id: 'members', class: 'list' }, members.map((member) => listRow(null, {}, null, [
      h('span', { class: 'item-title' },
        fmt(_('{name} ({relation})'), { name: member.name, relation: relationLabel(member.relation) })),
      h('span', { class: 'item-meta' }, maskIdNumber(member.id_no)),
    ]))));
}

function filesSection(app) {
  const files = app.files || [];
  return h('section', { class: 'card', attrs: { 'aria-labelledby': 'files-title' } },
    h('h2', { id: 'files-title' }, _('Materials')),
    files.length
      ? h('ul', { id: 'files', class: 'list' }, files.map((file) => listRow(null, { fileId: file.id }, null, [
        h('span', { class: 'item-title' }, file.name),
        h('span', { class: 'item-meta' }, fmt(_('{category} · added {date}'), {
          category: fileCategoryLabel(file.category),
          date: formatDate(file.added_at),
        })),
      ])))
      : h('p', { class: 'muted' }, _('No materials yet.')),
    h('a', {
      class: 'button block',
      attrs: { href: `#/applications/${app.id}/materials` },
      dataset: { action: 'materials' },
    }, _('Materials and photos')));
}

function timelineNode(node) {
  const when = node.at
    ? fmt(_('{state} · {time}'), { state: timelineStateLabel(node.state), time: formatDateTime(node.at) })
    : timelineStateLabel(node.state);
  const owner = node.owner && node.owner.org
    ? fmt(_('{name}, {org}'), { name: node.owner.name, org: node.owner.org })
    : node.owner && node.owner.name;
  return h('li', { class: `list-item timeline-${node.state}`, dataset: { key: node.key, state: node.state } },
    h('div', { class: 'list-row' }, h('div', { class: 'item-main' },
      h('span', { class: 'item-title' }, node.name),
      h('span', { class: 'item-meta' }, when),
      owner ? h('span', { class: 'item-meta' }, owner) : null,
      node.opinion ? h('span', { class: 'item-meta', dataset: { opinion: '' } }, node.opinion) : null)));
}

function timelineSection(timeline) {
  return h('section', { class: 'card', attrs: { 'aria-labelledby': 'timeline-title' } },
    h('h2', { id: 'timeline-title' }, _('Progress')),
    h('ol', { id: 'timeline', class: 'list' }, (timeline.nodes || []).map(timelineNode)));
}

// A modal question with two clear buttons; resolves true on confirm.
function confirmAction(action, app, reason) {
  return new Promise((resolve) => {
    const cancel = h('button', { type: 'button', class: 'button', dataset: { action: 'cancel' } },
      _('Cancel'));
    const confirm = h('button', {
      type: 'button',
      class: action === 'approve' ? 'button primary' : 'button danger primary',
      dataset: { action: 'confirm' },
    }, actionButtonLabel(action));
    const dialog = h('dialog', {
      id: 'confirm-dialog',
      class: 'card',
      attrs: { 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-question' },
    },
    h('h2', { id: 'confirm-title' }, actionButtonLabel(action)),
    h('p', { id: 'confirm-question' }, confirmQuestion(action, app.application_no)),
    reason ? h('p', { class: 'muted' }, fmt(_('Reason: {reason}'), { reason })) : null,
    h('div', { class: 'button-row' }, cancel, confirm));
    const finish = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    cancel.addEventListener('click', () => finish(false));
    confirm.addEventListener('click', () => finish(true));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}

// The server names the reason "comment"; the page's field is "reason".
function reasonErrors(err) {
  if (err.fields && err.fields.comment) {
    err.fields = { ...err.fields, reason: err.fields.comment };
    delete err.fields.comment;
  }
  return err;
}

// Reads the application again for its new status; null when that fails
// (the action is done all the same).
async function newStatus(app) {
  try {
    const fresh = await api.get(`/pubrent/applications/${app.id}`);
    const badge = document.getElementById('application-status');
    if (badge) {
      badge.textContent = fresh.status_label || fresh.status;
      badge.className = statusBadgeClass(fresh.status);
      badge.dataset.status = fresh.status;
    }
    return fresh.status_label || fresh.status;
  } catch (err) {
    return null;
  }
}

async function act(form, errors, app, action) {
  const textarea = form.querySelector('[name=reason]');
  const reason = textarea ? textarea.value.trim() : '';
  hideError(errors);
  fieldErrors(form, { status: 0, code: 'none', fields: {} });
  if (NEEDS_REASON.has(action) && !reason) {
    fieldErrors(form, {
      status: 422,
      code: 'validation_failed',
      fields: { reason: _('Give the reason: the applicant reads it.') },
    });
    return;
  }
  if (!await confirmAction(action, app, NEEDS_REASON.has(action) ? reason : '')) {
    return;
  }
  const body = { action };
  if (reason) {
    body.comment = reason;
  }
  const button = form.querySelector(`[data-action="${action}"]`);
  try {
    await busy(button, api.post(`/workflow/instances/${app.process.instance_id}/actions`, body));
  } catch (err) {
    if (err.code === 'unauthorized') {
      return; // on the way to sign-in; the reason waits in its draft
    }
    const unplaced = fieldErrors(form, reasonErrors(err));
    showError(errors, { ...err, message: err.message, fields: unplaced });
    if (err.status === 409) {
      // Someone acted first, or the step moved on: offer what is true now.
      errors.append(h('button', {
        type: 'button',
        class: 'button',
        dataset: { action: 'reload' },
        on: { click: () => go(current().hash) },
      }, _('Show the current state')));
    }
    return;
  }
  clearDraft(`reason.${app.id}`);
  document.dispatchEvent(new Event('anju:counts-changed'));
  const status = await newStatus(app);
  toast(status
    ? fmt(_('{number}: now {status}'), { number: app.application_no, status })
    : fmt(_('{number}: done'), { number: app.application_no }));
  go('#/todo');
}

function reasonField(app) {
  const textarea = h('textarea', {
    id: 'review-reason',
    attrs: { name: 'reason', rows: '4', maxlength: '1000' },
  });
  bindDraft(textarea, `reason.${app.id}`);
  return field(_('Reason'), textarea, _('Required to reject or to return for supplement; the applicant reads it.'));
}

function actionsSection(app) {
  const process = app.process;
  const allowed = new Set(process ? process.my_actions || [] : []);
  // In the street publicity the period ends by the clock: the engine
  // lists approve, but only the server may take it.
  if (process && process.step_key === 'street_publicity') {
    allowed.delete('approve');
  }
  const actions = PHONE_ACTIONS.filter((action) => allowed.has(action));
  const section = h('section', { id: 'review', class: 'card', attrs: { 'aria-labelledby': 'review-title' } },
    h('h2', { id: 'review-title' }, _('Review')));
  if (!process || actions.length === 0) {
    section.append(h('p', { class: 'muted', dataset: { noActions: '' } },
      process && process.step_name
        ? fmt(_('Now at “{step}”. Nothing for you to do here.'), { step: process.step_name })
        : _('Nothing for you to do here.')));
    return section;
  }
  section.append(h('p', {}, fmt(_('Step: {step}'), { step: process.step_name })));
  if (process.step_key === 'street_publicity') {
    section.append(h('p', { class: 'muted' },
      _('The publicity ends by itself when its period is over. Reject only for a substantiated objection.'),
      ' ',
      h('a', { attrs: { href: `#/publicity?q=${encodeURIComponent(app.application_no)}` } },
        _('Open the publicity'))));
  }
  const errors = errorBox('review-error');
  const form = h('form', { id: 'review-form', class: 'form', attrs: { novalidate: true } });
  form.addEventListener('submit', (event) => event.preventDefault());
  if (actions.some((action) => NEEDS_REASON.has(action))) {
    form.append(reasonField(app));
  }
  const buttons = h('div', { class: 'button-row' }, actions.map((action) => h('button', {
    type: 'button',
    class: action === 'approve' ? 'button primary' : 'button danger',
    dataset: { action },
    on: { click: () => act(form, errors, app, action) },
  }, actionButtonLabel(action))));
  form.append(buttons, errors);
  section.append(form);
  return section;
}

route('/applications/:id', {
  title: () => _('Application'),
  tab: 'todo',
  render: async (view, params) => {
    const [app, timeline] = await Promise.all([
      api.get(`/pubrent/applications/${params.id}`),
      api.get(`/pubrent/applications/${params.id}/timeline`),
    ]);
    view.append(
      summarySection(app),
      actionsSection(app),
      membersSection(app),
      filesSection(app),
      timelineSection(timeline));
  },
});
