// scan.js: #/scan — open an applicant by the QR code of the kiosk receipt
// (F-PORTAL-029, spec §1.2 street/community end: 扫码查看申办人信息).
//
// The code reads `anju:pubrent-application:<application_no>`.  Three ways
// in, all leading to #/applications/<id>/materials: the camera (the
// browser's BarcodeDetector where it exists, Android Chrome; otherwise a
// frame every FRAME_INTERVAL_MS decoded by the server, one request at a
// time), a photo of the code taken by the phone's camera app, and the
// number typed from the receipt.  The typed field is always there: a
// camera that is refused, missing or busy leaves it as the way in.

import { _ } from '../core/i18n.js';
import { h, clear, showError, busy, setInputError } from '../core/dom.js';
import { ApiError, get, upload } from '../core/api.js';
import { route, go } from '../core/router.js';
import { drawJpeg, preparePhoto } from './photo-prepare.js';

const CODE_PREFIX = 'anju:pubrent-application:';
const SCAN_PATH = '/pubrent/applications/scan';
const FRAME_INTERVAL_MS = 800;    // between two frames sent to the server
const DETECT_INTERVAL_MS = 250;   // between two frames read on the phone
const FRAME_MAX_SIDE = 800;       // a QR code on a receipt reads well at this size
const FRAME_QUALITY = 0.7;

const notOpenText = () => _('This code names no application you may open. Try another code.');

// The camera of the page on screen; leave() stops it.
let camera = null;

function materialsHash(id) {
  return `#/applications/${encodeURIComponent(id)}/materials`;
}

// The application number a QR code's text names, or null.
function numberOfCode(text) {
  if (typeof text !== 'string' || !text.startsWith(CODE_PREFIX))
    return null;
  const number = text.slice(CODE_PREFIX.length).trim();
  return number === '' ? null : number;
}

// The application with exactly this number among those the caller may
// read, or null (the list's q also matches names and partial numbers).
async function findByNumber(number) {
  const wanted = number.trim().toUpperCase();
  const page = await get('/pubrent/applications', { q: wanted });
  const item = (page.items || []).find((candidate) => candidate.application_no === wanted);
  return item || null;
}

function isNoCode(err) {
  return err instanceof ApiError && err.code === 'no_code';
}

function cameraErrorText(err) {
  switch (err && err.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return _('The camera may not be used: camera access was refused. Type the application number below, or allow the camera in the browser’s site settings.');
    case 'NotFoundError':
    case 'OverconstrainedError':
      return _('This phone has no camera the page can use. Type the application number below.');
    case 'NotReadableError':
    case 'AbortError':
      return _('The camera is busy in another app. Close it and open this page again, or type the application number below.');
    default:
      return _('The camera could not be started. Type the application number below.');
  }
}

// A QR reader on the phone itself when the browser has one.
async function makeDetector() {
  if (!('BarcodeDetector' in window))
    return null;
  try {
    const formats = await window.BarcodeDetector.getSupportedFormats();
    return formats.includes('qr_code') ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

// The camera preview and its frame loop.  Every step checks `stopped`:
// leave() may come while getUserMedia or a request is still pending.
class Camera {
  constructor(video, { onMessage, onFound }) {
    this.video = video;
    this.onMessage = onMessage;
    this.onFound = onFound;
    this.stopped = false;
    this.stream = null;
    this.detector = null;
    this.timer = 0;
    this.controller = null;
  }

  async start() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      this.onMessage(_('This browser cannot use the camera. Type the application number below, or take a photo of the code.'), true);
      return;
    }
    this.onMessage(_('Starting the camera…'));
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' }, audio: false,
      });
      if (this.stopped) {
        stream.getTracks().forEach((track) => track.stop());
        return;
      }
      this.stream = stream;
      this.video.srcObject = stream;
      await this.video.play();
    } catch (err) {
      if (!this.stopped)
        this.onMessage(cameraErrorText(err), true);
      this.stop();
      return;
    }
    if (this.stopped)
      return;
    this.video.hidden = false;
    this.detector = await makeDetector();
    this.onMessage(_('Point the camera at the QR code on the applicant’s receipt.'));
    this.schedule();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.controller)
      this.controller.abort();
    if (this.stream)
      this.stream.getTracks().forEach((track) => track.stop());
    this.stream = null;
    this.video.srcObject = null;
  }

  schedule() {
    if (!this.stopped)
      this.timer = setTimeout(() => this.tick(),
                              this.detector ? DETECT_INTERVAL_MS : FRAME_INTERVAL_MS);
  }

  // One frame; the next is scheduled only once this one is answered, so
  // at most one request is in flight.
  async tick() {
    if (this.stopped)
      return;
    try {
      const ready = this.video.readyState >= 2 && this.video.videoWidth > 0;
      const found = ready ? await (this.detector ? this.readHere() : this.readOnServer()) : null;
      if (this.stopped)
        return;
      if (found && found.id) {
        this.onFound(found);
        return;
      }
      if (found && found.missing)
        this.onMessage(notOpenText(), true);
    } catch (err) {
      if (this.stopped || (err instanceof ApiError && err.code === 'unauthorized'))
        return;
      if (err instanceof ApiError && err.status === 404)
        this.onMessage(notOpenText(), true);
      else
        this.onMessage(err instanceof ApiError ? err.message
                                               : _('The code could not be read. Still trying…'), true);
    }
    this.schedule();
  }

  async readHere() {
    const codes = await this.detector.detect(this.video);
    for (const code of codes) {
      const number = numberOfCode(code.rawValue);
      if (number === null)
        continue;
      const item = await findByNumber(number);
      return item === null ? { missing: true } : { id: item.id };
    }
    return null;
  }

  async readOnServer() {
    const frame = await drawJpeg(this.video, this.video.videoWidth, this.video.videoHeight,
                                 FRAME_MAX_SIDE, FRAME_QUALITY);
    if (this.stopped)
      return null;
    this.controller = new AbortController();
    try {
      return await upload(SCAN_PATH, frame, { contentType: 'image/jpeg', signal: this.controller.signal });
    } catch (err) {
      if (isNoCode(err))
        return null;
      throw err;
    } finally {
      this.controller = null;
    }
  }
}

function stopCamera() {
  if (camera)
    camera.stop();
  camera = null;
}

// The form for a number typed from the receipt.
function numberForm() {
  const error = h('p', { class: 'field-error', id: 'scan-number-error', attrs: { 'aria-live': 'polite' } });
  const input = h('input', {
    id: 'scan-number', type: 'text', attrs: {
      name: 'application_no', autocomplete: 'off', autocapitalize: 'characters',
      spellcheck: 'false', placeholder: 'GZF-2026-000123', 'aria-describedby': 'scan-number-error',
    },
  });
  const button = h('button', { type: 'submit', class: 'button primary block', dataset: { action: 'open' } },
    _('Open'));
  const form = h('form', { class: 'form', dataset: { form: 'application-no' }, attrs: { novalidate: true } },
    h('div', { class: 'field' },
      h('label', { htmlFor: 'scan-number' }, _('Application number')), input, error),
    button);

  const complain = (text) => setInputError(input, error, text);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const number = input.value.trim();
    complain('');
    if (number === '') {
      complain(_('Type the application number printed on the receipt.'));
      input.focus();
      return;
    }
    busy(button, findByNumber(number)).then((item) => {
      if (item === null)
        complain(_('No application with this number is open to you.'));
      else
        go(materialsHash(item.id));
    }).catch((err) => {
      if (!(err instanceof ApiError && err.code === 'unauthorized'))
        complain(err instanceof ApiError ? err.message : _('The application could not be looked up. Check the connection and try again.'));
    });
  });
  return form;
}

// "Take a photo of the code": the phone's camera app, then the server
// reads the picture.  For browsers without getUserMedia or when the live
// picture will not focus.
function photoForm() {
  const input = h('input', {
    id: 'scan-photo', type: 'file',
    attrs: { name: 'code_photo', accept: 'image/*', capture: 'environment' },
  });
  const result = h('div', { attrs: { 'aria-live': 'polite' } });

  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    clear(result);
    if (!file)
      return;
    result.append(h('p', {}, _('Reading the code…')));
    try {
      const prepared = await preparePhoto(file);
      const found = await upload(SCAN_PATH, prepared.blob, { contentType: prepared.type });
      stopCamera();
      go(materialsHash(found.id));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'unauthorized')
        return;
      clear(result);
      if (isNoCode(err))
        result.append(h('p', { class: 'field-error', dataset: { message: 'no-code' }, attrs: { role: 'alert' } },
                        _('No QR code was found in the photo. Take it again closer, with the whole code in the picture.')));
      else
        showError(result, err);
    } finally {
      input.value = '';
    }
  });
  return h('div', { class: 'field' },
    h('label', { htmlFor: 'scan-photo' }, _('Take a photo of the code')),
    input, result);
}

async function render(view) {
  stopCamera();
  const message = h('p', { id: 'scan-message', attrs: { role: 'status' } });
  const video = h('video', {
    hidden: true,
    attrs: { playsinline: '', muted: '', autoplay: '', 'aria-label': _('Camera picture') },
  });
  video.muted = true;

  function showMessage(text, problem = false) {
    message.textContent = text;
    message.classList.toggle('field-error', problem);
  }

  view.append(
    h('section', { class: 'card' },
      h('h2', {}, _('Scan the code on the receipt')),
      video, message),
    h('section', { class: 'card' },
      h('h2', {}, _('Or type the number')),
      numberForm()),
    h('section', { class: 'card' },
      h('h2', {}, _('Or photograph the code')),
      photoForm()));

  camera = new Camera(video, {
    onMessage: showMessage,
    onFound: (found) => {
      stopCamera();
      go(materialsHash(found.id));
    },
  });
  // Not awaited: the page is ready (typed field usable) while the
  // camera starts or waits for permission.
  camera.start();
}

route('/scan', {
  title: () => _('Scan a code'),
  tab: 'scan',
  render,
  leave: stopCamera,
});
