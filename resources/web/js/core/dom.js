// core/dom.js — building the page.
//
// Every node is made by h(); text a person typed or the server sent only
// ever becomes a text node, so it is escaped by construction. Nothing here
// (or anywhere in the mobile web) writes markup strings into the page.

import { _ } from './i18n.js';

const TIME_ZONE = 'Asia/Shanghai';
let uniqueCounter = 0;

function append(el, child) {
  if (child === null || child === undefined || child === false || child === true)
    return;
  if (Array.isArray(child)) {
    for (const each of child)
      append(el, each);
    return;
  }
  el.append(child instanceof Node ? child : document.createTextNode(String(child)));
}

function setProp(el, key, value) {
  switch (key) {
  case 'class':
    el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    break;
  case 'text':
    el.textContent = value;
    break;
  case 'attrs':
    for (const [name, attr] of Object.entries(value)) {
      if (attr === null || attr === undefined || attr === false)
        continue;
      el.setAttribute(name, attr === true ? '' : String(attr));
    }
    break;
  case 'dataset':
    for (const [name, data] of Object.entries(value))
      if (data !== null && data !== undefined)
        el.dataset[name] = String(data);
    break;
  case 'on':
    for (const [event, handler] of Object.entries(value))
      el.addEventListener(event, handler);
    break;
  case 'innerHTML':
  case 'outerHTML':
    throw new Error('h(): markup strings are not allowed');
  default:
    if (key in el)
      el[key] = value;
    else
      el.setAttribute(key, String(value));
  }
}

export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined)
      continue;
    setProp(el, key, value);
  }
  append(el, children);
  return el;
}

export function clear(el) {
  while (el && el.firstChild)
    el.firstChild.remove();
}

// A unique id for aria-describedby and label[for].
export function uid(prefix = 'anju') {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}

export function toast(message, { error = false } = {}) {
  const region = document.getElementById('toast');
  if (!region)
    return;
  const item = h('div', {
    class: error ? 'toast toast-error' : 'toast',
    attrs: { role: error ? 'alert' : 'status' },
  }, message);
  region.append(item);
  setTimeout(() => item.remove(), error ? 6000 : 3500);
}

function isApiError(err) {
  return err && typeof err === 'object' && 'status' in err && 'code' in err;
}

export function errorMessage(err) {
  if (isApiError(err) && err.message)
    return err.message;
  return _('Something went wrong. Try again.');
}

// Shows err in container (replacing what it showed before): the server's
// message, then each field's message (for fields no input shows).
export function showError(container, err) {
  if (!container)
    return;
  clear(container);
  if (isApiError(err) && err.code === 'unauthorized')
    return; // the router is already on its way to the sign-in page
  container.hidden = false;
  container.append(h('p', { class: 'error-message' }, errorMessage(err)));
  const fields = isApiError(err) && err.fields ? Object.entries(err.fields) : [];
  if (fields.length > 0)
    container.append(h('ul', { class: 'error-fields' },
      fields.map(([name, message]) => h('li', { dataset: { field: name } }, message))));
  if (!container.getAttribute('role'))
    container.setAttribute('role', 'alert');
}

function clearFieldErrors(form) {
  for (const old of form.querySelectorAll('.field-error'))
    old.remove();
  for (const input of form.querySelectorAll('[aria-invalid="true"]')) {
    input.removeAttribute('aria-invalid');
    const describedBy = (input.getAttribute('aria-describedby') || '')
      .split(/\s+/).filter((id) => id && !id.endsWith('-error')).join(' ');
    if (describedBy)
      input.setAttribute('aria-describedby', describedBy);
    else
      input.removeAttribute('aria-describedby');
  }
}

// Puts err.fields[name] under the form's [name=name] input. Answers the
// fields it found no input for, so the caller can show them elsewhere.
export function fieldErrors(form, err) {
  clearFieldErrors(form);
  const unplaced = {};
  const fields = isApiError(err) && err.fields ? err.fields : {};
  let first = null;
  for (const [name, message] of Object.entries(fields)) {
    const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (!input) {
      unplaced[name] = message;
      continue;
    }
    const id = uid(`${name.replace(/[^A-Za-z0-9_-]/g, '-')}`) + '-error';
    const note = h('p', { class: 'field-error', id }, message);
    const field = input.closest('.field');
    (field || input.parentElement).append(note);
    input.setAttribute('aria-invalid', 'true');
    const describedBy = input.getAttribute('aria-describedby');
    input.setAttribute('aria-describedby', describedBy ? `${describedBy} ${id}` : id);
    first = first || input;
  }
  if (first)
    first.focus();
  return unplaced;
}

// One input's own error line (an element the page placed under it): the
// text shows there and the input is marked invalid; '' clears both.
export function setInputError(input, errorEl, text) {
  errorEl.textContent = text;
  if (text)
    input.setAttribute('aria-invalid', 'true');
  else
    input.removeAttribute('aria-invalid');
}

export function emptyState(text) {
  return h('div', { class: 'empty', attrs: { role: 'status' } }, h('p', {}, text));
}

export function busy(button, promise) {
  if (!button)
    return promise;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  const done = () => {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  };
  return Promise.resolve(promise).then((value) => {
    done();
    return value;
  }, (err) => {
    done();
    throw err;
  });
}

function parts(iso, withTime) {
  if (!iso)
    return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()))
    return null;
  const options = { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hourCycle: 'h23' };
  if (withTime) {
    options.hour = '2-digit';
    options.minute = '2-digit';
  }
  const out = {};
  for (const part of new Intl.DateTimeFormat('en-GB', options).formatToParts(date))
    out[part.type] = part.value;
  return out;
}

export function formatDate(iso) {
  const p = parts(iso, false);
  return p ? `${p.year}-${p.month}-${p.day}` : '';
}

export function formatDateTime(iso) {
  const p = parts(iso, true);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : '';
}

// A labelled form field: <div class="field"><label>…</label><input>…</div>.
export function field(label, input, hint = null) {
  if (!input.id)
    input.id = uid(input.name || 'field');
  const children = [h('label', { htmlFor: input.id }, label), input];
  if (hint) {
    const hintId = `${input.id}-hint`;
    children.push(h('p', { class: 'field-hint', id: hintId }, hint));
    input.setAttribute('aria-describedby', hintId);
  }
  return h('div', { class: 'field' }, children);
}

