// pages/publicity-detail.js: #/publicity/:id, one street publicity
// (公示信息表 D03, F-PRH-005): its period, its application, the objections
// received (公示期间举报信息表 D04, reporters' phones masked), registering
// an objection while the period runs, and verifying one. docs/api.md
// "Review, publicity and announcement".
//
// What is typed into the long fields is a draft (core/drafts.js), so an
// expired session or an error loses none of it.

import { _, fmt } from '../core/i18n.js';
import {
  h, clear, field, toast, showError, fieldErrors, busy, formatDate, formatDateTime,
} from '../core/dom.js';
import * as api from '../core/api.js';
import { route } from '../core/router.js';
import { bindDraft, clearDraft } from '../core/drafts.js';
import {
  businessTypeLabel, objectionMethodLabel, verificationMethodLabel, objectionResultLabel,
  objectionMethods, verificationMethods, maskPhone, publicityStateLabel,
} from './review-labels.js';
import { errorBox, hideError, listRow } from './review-list.js';

const NO_ERRORS = { status: 0, code: 'none', fields: {} };

function row(term, value) {
  const shown = value === null || value === undefined || value === '' ? '—' : String(value);
  return [h('dt', {}, term), h('dd', {}, shown)];
}

function select(name, codes, labelOf) {
  return h('select', { attrs: { name } },
    codes.map((code) => h('option', { value: code }, labelOf(code))));
}

// datetime-local gives a wall-clock time without a zone; the platform's
// is Asia/Shanghai.
function shanghaiTime(local) {
  if (!local) {
    return null;
  }
  return `${local.length === 16 ? `${local}:00` : local}+08:00`;
}

function summarySection(publicity) {
  const application = publicity.application || {};
  return h('section', { class: 'card', attrs: { 'aria-labelledby': 'publicity-title' } },
    h('h2', { id: 'publicity-title' }, publicity.publicity_no),
    h('p', {}, h('span', {
      id: 'publicity-state',
      class: publicity.state === 'open' ? 'badge warn' : 'badge neutral',
      dataset: { state: publicity.state || '' },
    }, publicityStateLabel(publicity))),
    h('dl', { class: 'meta-list' },
      row(_('Period'), fmt(_('{start} to {end}'), {
        start: formatDateTime(publicity.start_at),
        end: formatDateTime(publicity.end_at),
      })),
      row(_('Application'), application.application_no),
      row(_('Applicant'), application.applicant_name),
      row(_('Business type'), businessTypeLabel(application.business_type)),
      row(_('Street'), publicity.org ? publicity.org.name : null),
      row(_('Where it is posted'), publicity.location),
      row(_('How it is published'), publicity.method)),
    h('div', { class: 'button-row' },
      h('a', {
        class: 'button',
        attrs: { href: `#/applications/${application.id}` },
        dataset: { action: 'application' },
      }, _('Open the application')),
      h('a', { class: 'button', attrs: { href: '#/publicity' } }, _('All street publicity'))));
}

function verifyForm(objection, reload) {
  const opinion = h('textarea', { attrs: { name: 'opinion', rows: '3', maxlength: '1000' } });
  const errors = errorBox();
  const button = h('button', {
    type: 'submit',
    class: 'button primary block',
    dataset: { action: 'verify' },
  }, _('Save the verification'));
  const form = h('form', {
    class: 'form',
    dataset: { objectionId: objection.id },
    attrs: { novalidate: true },
  },
  field(_('Result'), select('result', ['substantiated', 'unfounded'], objectionResultLabel)),
  field(_('How it was verified'), select('method', verificationMethods, verificationMethodLabel)),
  field(_('Opinion'), opinion),
  button, errors);
  bindDraft(opinion, `opinion.${objection.id}`);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    hideError(errors);
    fieldErrors(form, NO_ERRORS);
    const body = {
      result: form.elements.result.value,
      method: form.elements.method.value,
      opinion: opinion.value.trim(),
    };
    try {
      await busy(button, api.post(`/pubrent/objections/${objection.id}/verify`, body));
    } catch (err) {
      const unplaced = fieldErrors(form, err);
      showError(errors, { ...err, message: err.message, fields: unplaced });
      return;
    }
    clearDraft(`opinion.${objection.id}`);
    toast(fmt(_('{number} verified: {result}'), {
      number: objection.objection_no,
      result: objectionResultLabel(body.result),
    }));
    await reload();
  });
  return h('details', {},
    h('summary', { class: 'button', dataset: { action: 'open-verify' } }, _('Verify')),
    form);
}

function reporterLine(objection) {
  if (!objection.reporter_name && !objection.reporter_phone) {
    return _('Reported anonymously');
  }
  return fmt(_('Reported by {name}, {phone}'), {
    name: objection.reporter_name || _('no name given'),
    phone: objection.reporter_phone ? maskPhone(objection.reporter_phone) : _('no phone given'),
  });
}

function objectionItem(objection, canVerify, reload) {
  const pending = objection.result === 'pending';
  return listRow(null, { objectionId: objection.id, result: objection.result }, null, [
    h('span', { class: 'item-title' }, fmt(_('{number} · {result}'), {
      number: objection.objection_no,
      result: objectionResultLabel(objection.result),
    })),
    h('span', { class: 'item-meta' }, fmt(_('Received {time}, {method}'), {
      time: formatDateTime(objection.received_at),
      method: objectionMethodLabel(objection.method),
    })),
    h('span', { class: 'item-meta', dataset: { content: '' } }, objection.content),
    h('span', { class: 'item-meta', dataset: { reporter: '' } }, reporterLine(objection)),
    pending
      ? null
      : h('span', { class: 'item-meta', dataset: { verification: '' } },
        fmt(_('Verified by {name} on {date} ({method}): {opinion}'), {
          name: objection.verified_by ? objection.verified_by.name : '—',
          date: formatDate(objection.verified_at),
          method: verificationMethodLabel(objection.verification_method),
          opinion: objection.opinion || '—',
        })),
    pending && canVerify ? verifyForm(objection, reload) : null,
  ]);
}

function objectionsSection(publicity, reload) {
  const objections = publicity.objections || [];
  // Verifying stays possible after the period (it lets a held publicity
  // end), not once the publicity is closed.
  const canVerify = !publicity.closed_at;
  return h('section', { class: 'card', attrs: { 'aria-labelledby': 'objections-title' } },
    h('h2', { id: 'objections-title' }, _('Objections')),
    objections.length
      ? h('ul', { id: 'objections', class: 'list' },
        objections.map((objection) => objectionItem(objection, canVerify, reload)))
      : h('p', { class: 'muted' }, _('No objection has been received.')));
}

function registerSection(publicity, reload) {
  const content = h('textarea', { attrs: { name: 'content', rows: '4', maxlength: '2000' } });
  const received = h('input', { type: 'datetime-local', attrs: { name: 'received_at' } });
  const errors = errorBox();
  const button = h('button', {
    type: 'submit',
    class: 'button primary block',
    dataset: { action: 'register-objection' },
  }, _('Register the objection'));
  const form = h('form', { id: 'objection-form', class: 'form', attrs: { novalidate: true } },
    field(_('What is reported'), content),
    field(_('How it came in'), select('method', objectionMethods, objectionMethodLabel)),
    field(_('Reporter’s name'), h('input', {
      type: 'text',
      attrs: { name: 'reporter_name', autocomplete: 'off', maxlength: '100' },
    }), _('Optional.')),
    field(_('Reporter’s mobile number'), h('input', {
      type: 'tel',
      attrs: { name: 'reporter_phone', autocomplete: 'off', inputmode: 'tel', maxlength: '20' },
    }), _('Optional.')),
    field(_('Received at'), received, _('Leave it empty for now.')),
    button, errors);
  bindDraft(content, `objection.${publicity.id}`);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    hideError(errors);
    fieldErrors(form, NO_ERRORS);
    const body = {
      content: content.value.trim(),
      method: form.elements.method.value,
      reporter_name: form.elements.reporter_name.value.trim() || null,
      reporter_phone: form.elements.reporter_phone.value.trim() || null,
    };
    if (received.value) {
      body.received_at = shanghaiTime(received.value);
    }
    let objection;
    try {
      objection = await busy(button, api.post(`/pubrent/publicity/${publicity.id}/objections`, body));
    } catch (err) {
      const unplaced = fieldErrors(form, err);
      showError(errors, { ...err, message: err.message, fields: unplaced });
      return;
    }
    clearDraft(`objection.${publicity.id}`);
    toast(fmt(_('Objection {number} registered; it awaits verification.'), {
      number: objection.objection_no,
    }));
    await reload();
  });
  return h('section', { class: 'card', attrs: { 'aria-labelledby': 'register-title' } },
    h('h2', { id: 'register-title' }, _('Register an objection')),
    form);
}

// Fills view with the publicity as the server holds it now; again, in
// place, after each write.
async function fill(view, id) {
  const publicity = await api.get(`/pubrent/publicity/${id}`);
  const reload = () => fill(view, id).catch((err) => {
    const box = errorBox();
    view.prepend(box);
    showError(box, err);
  });
  clear(view);
  view.append(
    summarySection(publicity),
    objectionsSection(publicity, reload),
    publicity.state === 'open' ? registerSection(publicity, reload) : null);
}

route('/publicity/:id', {
  title: () => _('Publicity'),
  tab: 'todo',
  render: (view, params) => fill(view, params.id),
});
