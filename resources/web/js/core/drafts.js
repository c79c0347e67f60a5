// core/drafts.js — text that must survive a sign-out or an expired session.
//
// A bound textarea (or input) is saved to localStorage
// 'anju.draft.<username>.<key>' on every input and restored when it is
// bound again while empty, so a half-written rejection reason is still
// there after signing in again. The username is the one of the session
// when the field was bound (or the last one signed in, once the session
// has expired), so one account never sees another's drafts. Clear the
// draft once the server has accepted the text.

import { user } from './api.js';

const LAST_USER_KEY = 'anju.lastUser';

function owner() {
  const me = user();
  try {
    if (me && me.username) {
      localStorage.setItem(LAST_USER_KEY, me.username);
      return me.username;
    }
    return localStorage.getItem(LAST_USER_KEY) || 'anonymous';
  } catch (e) {
    return me && me.username ? me.username : 'anonymous';
  }
}

function storageKey(key) {
  return `anju.draft.${owner()}.${key}`;
}

export function bindDraft(textarea, key) {
  const stored = storageKey(key);
  try {
    const saved = localStorage.getItem(stored);
    if (saved && !textarea.value)
      textarea.value = saved;
  } catch (e) {
    return; // storage disabled: nothing can be kept
  }
  textarea.addEventListener('input', () => {
    try {
      if (textarea.value)
        localStorage.setItem(stored, textarea.value);
      else
        localStorage.removeItem(stored);
    } catch (e) {
      // storage full or disabled: the text is still in the field
    }
  });
}

export function clearDraft(key) {
  try {
    localStorage.removeItem(storageKey(key));
  } catch (e) {
    // storage disabled: nothing was kept
  }
}
