// pages/review-labels.js: labels and masks the review pages share (to-do,
// done, application detail, publicity). Not a page: the pages import it.
//
// Codes come from the server (docs/api.md); their labels are translated
// here so a phone shows the same words as the desktop. Masks follow
// shared/anju-mask.c: a phone screen is read over shoulders, so IDs and
// phones are masked on display even where the server answers in full.

import { _ } from '../core/i18n.js';

const BUSINESS_TYPES = {
  directed_physical: () => _('Directed physical allocation'),
  directed_subsidy: () => _('Directed rental subsidy'),
  open_physical: () => _('Physical allocation'),
  open_subsidy: () => _('Rental subsidy'),
};

const RELATIONS = {
  self: () => _('Applicant'),
  spouse: () => _('Spouse'),
  child: () => _('Child'),
  parent: () => _('Parent'),
  other: () => _('Other relative'),
};

const FILE_CATEGORIES = {
  id_card: () => _('Proof of identity'),
  hukou: () => _('Household register'),
  income: () => _('Proof of income'),
  no_housing: () => _('Proof of no housing'),
  marriage: () => _('Marriage certificate'),
  divorce: () => _('Divorce certificate'),
  lease: () => _('Lease contract'),
  employment: () => _('Employment contract'),
  other: () => _('Other material'),
};

const ACTIONS = {
  approve: () => _('Approve'),
  reject: () => _('Reject'),
  return: () => _('Return for supplement'),
  resubmit: () => _('Resubmitted'),
  transfer: () => _('Transferred'),
  withdraw: () => _('Withdrawn'),
};

const TIMELINE_STATES = {
  done: () => _('Done'),
  current: () => _('In progress'),
  pending: () => _('Not yet'),
  skipped: () => _('Skipped'),
  failed: () => _('Not passed'),
};

const OBJECTION_METHODS = {
  phone: () => _('By telephone'),
  letter: () => _('By letter'),
  visit: () => _('In person'),
  email: () => _('By email'),
  other: () => _('Another way'),
};

const VERIFICATION_METHODS = {
  visit: () => _('Home visit'),
  records: () => _('Records check'),
  interview: () => _('Interview'),
  other: () => _('Another way'),
};

const OBJECTION_RESULTS = {
  pending: () => _('Awaiting verification'),
  substantiated: () => _('Substantiated'),
  unfounded: () => _('Unfounded'),
};

function label(table, code) {
  if (code === null || code === undefined || code === '') {
    return '—';
  }
  const entry = table[code];
  return entry ? entry() : code;
}

export const businessTypeLabel = (code) => label(BUSINESS_TYPES, code);
export const relationLabel = (code) => label(RELATIONS, code);
export const fileCategoryLabel = (code) => label(FILE_CATEGORIES, code);
export const actionLabel = (code) => label(ACTIONS, code);
export const timelineStateLabel = (code) => label(TIMELINE_STATES, code);
export const objectionMethodLabel = (code) => label(OBJECTION_METHODS, code);
export const verificationMethodLabel = (code) => label(VERIFICATION_METHODS, code);
export const objectionResultLabel = (code) => label(OBJECTION_RESULTS, code);

export const objectionMethods = Object.keys(OBJECTION_METHODS);
export const verificationMethods = Object.keys(VERIFICATION_METHODS);

export { maskIdNumber, maskPhone } from '../core/mask.js';

// Where a publicity stands: running, passed, failed, or held by objections
// still to verify after its period.
export function publicityStateLabel(publicity) {
  if (publicity.state === 'open') {
    return _('In publicity');
  }
  if (publicity.passed === true) {
    return _('Passed');
  }
  if (publicity.passed === false) {
    return _('Not passed');
  }
  return _('Period over, objections pending');
}

// The page that opens a to-do or done item's record on the phone, or null
// when the phone has none (the desktop handles those).
export function recordHash(item) {
  const application = item.type === 'pubrent.application.review'
    || item.domain === 'pubrent.application';
  if (application && item.record_id) {
    return `#/applications/${item.record_id}`;
  }
  return null;
}
