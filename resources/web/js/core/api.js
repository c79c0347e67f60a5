// core/api.js — the mobile web's side of /api/v1.
//
// The session lives in the server's HttpOnly cookie (sign-in asks for it
// with "session": "cookie"); the page never sees the session token. What
// the page keeps is the CSRF token the sign-in answers: in memory, and in
// sessionStorage so a reload of the tab keeps working (GET /auth/csrf gets
// it again when the storage was lost). Every write sends it as
// X-CSRF-Token.
//
// Every failure rejects with an ApiError whose message is the server's
// (already translated) message, or a translated one for a network failure
// or a timeout; nothing the user typed is touched, so they can try again.
// A 401 from anything but the sign-in sends the router to
// '#/sign-in?next=<the current hash>' and rejects with code 'unauthorized':
// callers then just return.

import { _ } from './i18n.js';
import { go, current } from './router.js';

const BASE = '/api/v1';
const TIMEOUT_MS = 30000;
const CSRF_KEY = 'anju.csrf';
// Set while this browser holds a session cookie we know of, so that a
// first visit does not ask the server (and log a 401) for nothing.
const SIGNED_IN_KEY = 'anju.signedIn';

let csrfToken = readStored(CSRF_KEY);
let me = null;

export class ApiError extends Error {
  constructor(status, code, message, fields = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

function readStored(key) {
  try {
    return sessionStorage.getItem(key);
  } catch (e) {
    return null; // storage disabled: the token lives in memory only
  }
}

function store(key, value) {
  try {
    if (value)
      sessionStorage.setItem(key, value);
    else
      sessionStorage.removeItem(key);
  } catch (e) {
    // storage disabled: the token lives in memory only
  }
}

function setCsrf(token) {
  csrfToken = token || null;
  store(CSRF_KEY, csrfToken);
}

function markSignedIn(signedIn) {
  try {
    if (signedIn)
      localStorage.setItem(SIGNED_IN_KEY, '1');
    else
      localStorage.removeItem(SIGNED_IN_KEY);
  } catch (e) {
    // storage disabled: restoreSession() asks the server every time
  }
}

function maybeSignedIn() {
  try {
    return localStorage.getItem(SIGNED_IN_KEY) === '1' || readStored(CSRF_KEY) !== null;
  } catch (e) {
    return true;
  }
}

function forgetSession() {
  me = null;
  setCsrf(null);
  markSignedIn(false);
}

function buildUrl(path, query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query || {})) {
    if (value === undefined || value === null || value === '')
      continue;
    params.append(key, String(value));
  }
  const search = params.toString();
  return BASE + path + (search ? (path.includes('?') ? '&' : '?') + search : '');
}

function networkError() {
  return new ApiError(0, 'network', _('Network unavailable, try again.'));
}

function timeoutError() {
  return new ApiError(0, 'timeout', _('The server did not answer in time. Try again.'));
}

function isWrite(method) {
  return method !== 'GET' && method !== 'HEAD';
}

function signInHash() {
  const here = current().hash;
  if (here.startsWith('#/sign-in'))
    return here;
  return `#/sign-in?next=${encodeURIComponent(here)}`;
}

async function parseBody(response) {
  if (response.status === 204)
    return null;
  const text = await response.text();
  if (!text)
    return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

function errorFrom(status, body) {
  const error = body && body.error ? body.error : {};
  const message = error.message || _('The server could not do this. Try again.');
  return new ApiError(status, error.code || 'http_' + status, message, error.fields || null);
}

// The one place a failed answer is turned into an ApiError, for fetch and
// for the upload's XHR alike.
function failure(status, body, { signIn = false, quiet = false } = {}) {
  const err = errorFrom(status, body);
  if (status === 401 && !signIn) {
    forgetSession();
    if (!quiet)
      go(signInHash());
    return new ApiError(401, 'unauthorized', err.message, null);
  }
  if (status === 403 && err.code === 'password_change_required' && !quiet) {
    go(`#/sign-in?change=1&next=${encodeURIComponent(current().hash)}`);
  }
  return err;
}

async function send(method, path, { query, body, signIn = false, quiet = false, retried = false } = {}) {
  if (isWrite(method) && !csrfToken && !signIn)
    await refreshCsrf();

  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (isWrite(method) && csrfToken)
    headers['X-CSRF-Token'] = csrfToken;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  init.signal = controller.signal;
  let response;
  try {
    response = await fetch(buildUrl(path, query), init);
  } catch (e) {
    throw controller.signal.aborted ? timeoutError() : networkError();
  } finally {
    clearTimeout(timer);
  }

  let parsed;
  try {
    parsed = await parseBody(response);
  } catch (e) {
    throw controller.signal.aborted ? timeoutError() : networkError();
  }
  if (response.ok)
    return parsed;

  // A CSRF token that no longer matches (the session was renewed in
  // another tab) is fetched again once; the write itself was refused.
  if (response.status === 403 && parsed && parsed.error && parsed.error.code === 'csrf_failed' && !retried) {
    setCsrf(null);
    return send(method, path, { query, body, signIn, quiet, retried: true });
  }
  throw failure(response.status, parsed, { signIn, quiet });
}

async function refreshCsrf() {
  const answer = await send('GET', '/auth/csrf', { quiet: true });
  setCsrf(answer && answer.csrf_token);
}

export async function get(path, query = {}) {
  return send('GET', path, { query });
}

export async function post(path, body = undefined) {
  return send('POST', path, { body });
}

export async function patch(path, body) {
  return send('PATCH', path, { body });
}

export async function put(path, body) {
  return send('PUT', path, { body });
}

export async function del(path) {
  return send('DELETE', path, {});
}

// Uploads a file body with XHR (fetch reports no upload progress).
// onProgress(fraction, loaded, total) runs as bytes leave; fraction is
// 0…1, or null when the size is unknown. An aborted signal rejects with
// ApiError code 'aborted'.
export function upload(path, blob, { query, contentType, onProgress, signal } = {}) {
  const start = csrfToken ? Promise.resolve() : refreshCsrf();
  return start.then(() => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path, query));
    xhr.withCredentials = true;
    xhr.timeout = 5 * 60 * 1000;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', contentType || blob.type || 'application/octet-stream');
    if (csrfToken)
      xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    if (onProgress)
      xhr.upload.addEventListener('progress', (event) =>
        onProgress(event.lengthComputable ? event.loaded / event.total : null, event.loaded, event.total));
    const abort = () => xhr.abort();
    if (signal) {
      if (signal.aborted) {
        reject(new ApiError(0, 'aborted', _('The upload was cancelled.')));
        return;
      }
      signal.addEventListener('abort', abort, { once: true });
    }
    const finish = () => signal && signal.removeEventListener('abort', abort);
    xhr.addEventListener('load', () => {
      finish();
      let body = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch (e) {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300)
        resolve(body);
      else
        reject(failure(xhr.status, body));
    });
    xhr.addEventListener('error', () => {
      finish();
      reject(networkError());
    });
    xhr.addEventListener('timeout', () => {
      finish();
      reject(timeoutError());
    });
    xhr.addEventListener('abort', () => {
      finish();
      reject(new ApiError(0, 'aborted', _('The upload was cancelled.')));
    });
    xhr.send(blob);
  }));
}

export async function signIn(username, password) {
  const answer = await send('POST', '/auth/login', {
    body: { username, password, session: 'cookie' },
    signIn: true,
  });
  setCsrf(answer.csrf_token);
  markSignedIn(true);
  me = answer.user;
  return me;
}

export async function signOut() {
  try {
    await send('POST', '/auth/logout', { quiet: true });
  } catch (e) {
    // Signed out already (expired) or offline: the page forgets the
    // session either way; the server's cookie ends with the session.
  }
  forgetSession();
  go('#/sign-in');
}

// Reads the session the cookie carries (after a reload): the user, and a
// CSRF token when sessionStorage lost it. Answers the user or null; never
// navigates.
export async function restoreSession() {
  if (!maybeSignedIn())
    return null;
  try {
    me = await send('GET', '/auth/me', { quiet: true });
  } catch (e) {
    if (e.status === 401)
      return null;
    throw e;
  }
  if (!csrfToken && !me.must_change_password)
    await refreshCsrf().catch(() => setCsrf(null));
  return me;
}

// GET /auth/me again (after a password change clears must_change_password).
export async function reloadUser() {
  me = await send('GET', '/auth/me', {});
  return me;
}

export function user() {
  return me;
}

export function hasPermission(perm) {
  return Boolean(me && Array.isArray(me.permissions) && me.permissions.includes(perm));
}
