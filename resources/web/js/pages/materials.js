// materials.js: #/applications/:id/materials — the proofs of one
// application, and new ones photographed on the phone (F-PORTAL-029
// 上传申办人证明材料, F-PRH-004 资料管理; spec §A.5 proof upload).
//
// Each chosen file becomes a row of the upload queue: it is prepared
// (large photos resized on the phone, photo-prepare.js), uploaded to
// /api/v1/files with a progress bar, then attached to the application
// with the category and note.  A row that fails keeps what it has done
// (the prepared picture, the uploaded file's id) so "Retry" resumes it
// without choosing the file again.  Rows upload one after the other: on a
// slow connection one upload at full speed beats several crawling.

import { _, fmt } from '../core/i18n.js';
import { h, clear, showError, emptyState, formatDateTime, setInputError } from '../core/dom.js';
import { ApiError, get, post, upload, hasPermission } from '../core/api.js';
import { route } from '../core/router.js';
import { preparePhoto } from './photo-prepare.js';

const NAME_MAX = 255;   // the server's limit on a file name

// The categories of docs/api.md (ApplicationFile), in the desktop's order.
function categories() {
  return [
    ['id_card', _('Proof of identity')],
    ['hukou', _('Household register')],
    ['income', _('Proof of income')],
    ['no_housing', _('Proof of no housing')],
    ['marriage', _('Marriage certificate')],
    ['divorce', _('Divorce certificate')],
    ['lease', _('Lease contract')],
    ['employment', _('Employment contract')],
    ['other', _('Other')],
  ];
}

function categoryLabel(code) {
  const found = categories().find(([value]) => value === code);
  return found ? found[1] : code;
}

// Statuses whose materials may change (docs/api.md, applications module
// details); the street's reviewers add during the street review too.  The
// server decides; this only spares an upload that would be refused.
const EDITABLE = ['draft', 'prereview_failed', 'returned', 'rejected'];

function mayAdd(application) {
  return EDITABLE.includes(application.status)
    || (application.status === 'street_review' && hasPermission('pubrent.application.review'));
}

function formatSize(bytes) {
  if (bytes >= 1024 * 1024)
    return fmt(_('{n} MB'), { n: (bytes / (1024 * 1024)).toFixed(1) });
  return fmt(_('{n} KB'), { n: Math.max(1, Math.round(bytes / 1024)) });
}

function isUnauthorized(err) {
  return err instanceof ApiError && err.code === 'unauthorized';
}

// What a failed row says, in the row.
function rowErrorText(err) {
  if (!(err instanceof ApiError))
    return _('The upload was interrupted. Check the connection and retry.');
  if (err.status === 413)
    return _('The file is too large to upload.');
  if (err.status === 415 || (err.status === 422 && err.fields && err.fields.content_type))
    return _('This type of file is not accepted: send a photo (JPEG, PNG), a PDF or a Word document.');
  if (err.status === 409)
    return err.message || _('The materials of this application can no longer be changed.');
  return err.message || _('The upload failed.');
}

// Retrying helps after a network failure or a server trouble, not after
// the server refused the file itself.
function worthRetrying(err) {
  if (!(err instanceof ApiError))
    return true;
  return err.status === 0 || err.status === 408 || err.status === 429 || err.status >= 500;
}

// One file of the queue and its row.
class UploadRow {
  constructor(applicationId, file, category, note) {
    this.applicationId = applicationId;
    this.file = file;
    this.category = category;
    this.note = note;
    this.prepared = null;
    this.fileId = null;
    this.done = false;
    this.controller = null;
    this.progress = h('progress', {
      attrs: { max: '100', 'aria-label': fmt(_('Upload progress of {name}'), { name: file.name }) },
      dataset: { progress: '' },
    });
    this.progress.value = 0;
    this.percent = h('span', { class: 'item-side', dataset: { percent: '' } }, '0 %');
    this.state = h('span', { class: 'item-meta', attrs: { 'aria-live': 'polite' } });
    this.retry = h('button', {
      type: 'button', class: 'button', hidden: true, dataset: { action: 'retry' },
      attrs: { 'aria-label': fmt(_('Retry {name}'), { name: file.name }) },
    }, _('Retry'));
    this.el = h('li', { class: 'list-item', dataset: { upload: file.name, state: 'waiting' } },
      h('div', { class: 'list-row' },
        h('div', { class: 'item-main' },
          h('span', { class: 'item-title' }, file.name),
          h('span', { class: 'item-meta' }, categoryLabel(category)),
          this.progress, this.state),
        this.percent, this.retry));
    this.setState('waiting', _('Waiting'));
  }

  setState(state, text, problem = false) {
    this.el.dataset.state = state;
    this.state.textContent = text;
    this.state.classList.toggle('field-error', problem);
    if (problem)
      this.state.setAttribute('role', 'alert');
    else
      this.state.removeAttribute('role');
  }

  setPercent(percent) {
    const value = Math.max(0, Math.min(100, Math.round(percent)));
    this.progress.value = value;
    this.percent.textContent = `${value} %`;
  }

  abort() {
    if (this.controller)
      this.controller.abort();
  }

  // Resumes where the row stopped; → true once attached.
  async run() {
    this.retry.hidden = true;
    try {
      if (this.prepared === null) {
        this.setState('preparing', _('Preparing…'));
        this.prepared = await preparePhoto(this.file);
      }
      if (this.fileId === null) {
        this.setState('uploading', _('Uploading…'));
        this.controller = new AbortController();
        const stored = await upload('/files', this.prepared.blob, {
          query: { name: this.prepared.name.slice(-NAME_MAX) },
          contentType: this.prepared.type,
          signal: this.controller.signal,
          // The last percent is the attaching: 100 % means attached.
          onProgress: (fraction) => {
            if (fraction !== null)
              this.setPercent(99 * fraction);
          },
        });
        this.fileId = stored.id;
      }
      this.setState('attaching', _('Attaching…'));
      await post(`/pubrent/applications/${encodeURIComponent(this.applicationId)}/files`, {
        file_id: this.fileId, category: this.category, note: this.note === '' ? null : this.note,
      });
      this.done = true;
      this.setPercent(100);
      this.setState('done', _('Attached'));
      return true;
    } catch (err) {
      if (isUnauthorized(err))
        return false;
      this.setState('failed', rowErrorText(err), true);
      this.retry.hidden = !worthRetrying(err);
      return false;
    } finally {
      this.controller = null;
    }
  }
}

// The page on screen, for leave().
let shown = null;

function fileItem(file) {
  const isImage = file.content_type === 'image/jpeg' || file.content_type === 'image/png';
  const content = `/api/v1/files/${encodeURIComponent(file.id)}/content`;
  return h('li', { class: 'list-item', dataset: { fileId: file.id, category: file.category } },
    h('a', { href: content },
      isImage ? h('img', { attrs: { src: content, alt: '', loading: 'lazy', width: 56, height: 56 } }) : null,
      h('span', { class: 'item-main' },
        h('span', { class: 'item-title' }, file.name),
        h('span', { class: 'item-meta' },
          fmt(_('{category} · {size}'), { category: categoryLabel(file.category), size: formatSize(file.size) })),
        h('span', { class: 'item-meta' },
          fmt(_('Added by {name}, {time}'), {
            name: file.added_by ? file.added_by.name : '', time: formatDateTime(file.added_at),
          })),
        file.note ? h('span', { class: 'item-meta' }, file.note) : null)));
}

class MaterialsPage {
  constructor(view, id) {
    this.view = view;
    this.id = id;
    this.rows = [];
    this.running = false;
    this.left = false;
    this.list = h('ul', { class: 'list', dataset: { list: 'materials' } });
    this.listError = h('div', { class: 'error', hidden: true });
  }

  async refreshList() {
    clear(this.listError);
    this.listError.hidden = true;
    try {
      const answer = await get(`/pubrent/applications/${encodeURIComponent(this.id)}/files`);
      if (this.left)
        return;
      clear(this.list);
      const items = answer.items || [];
      if (items.length === 0)
        this.list.append(emptyState(_('No materials yet.')));
      else
        this.list.append(...items.map(fileItem));
      this.list.dataset.count = String(items.length);
    } catch (err) {
      if (!isUnauthorized(err))
        showError(this.listError, err);
    }
  }

  addForm() {
    const select = h('select', { id: 'materials-category', attrs: { name: 'category', required: '' } },
      h('option', { value: '' }, _('Choose a category')),
      categories().map(([value, label]) => h('option', { value }, label)));
    const photos = h('input', {
      id: 'materials-photo', type: 'file',
      attrs: { name: 'photo', accept: 'image/*', capture: 'environment', multiple: '' },
    });
    const note = h('input', {
      id: 'materials-note', type: 'text', attrs: { name: 'note', maxlength: '200', autocomplete: 'off' },
    });
    const categoryError = h('p', { class: 'field-error', id: 'materials-category-error' });
    const photoError = h('p', { class: 'field-error', id: 'materials-photo-error' });
    const button = h('button', { type: 'submit', class: 'button primary block', dataset: { action: 'upload' } },
      _('Upload'));
    this.queue = h('ul', { class: 'list', dataset: { list: 'uploads' } });
    select.setAttribute('aria-describedby', 'materials-category-error');
    photos.setAttribute('aria-describedby', 'materials-photo-error');

    const form = h('form', { class: 'form', dataset: { form: 'add-materials' }, attrs: { novalidate: true } },
      h('div', { class: 'field' },
        h('label', { htmlFor: 'materials-category' }, _('Category')), select, categoryError),
      h('div', { class: 'field' },
        h('label', { htmlFor: 'materials-photo' }, _('Photos or files')), photos, photoError),
      h('div', { class: 'field' },
        h('label', { htmlFor: 'materials-note' }, _('Note (optional)')), note),
      button);

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const files = Array.from(photos.files || []);
      setInputError(select, categoryError, select.value === '' ? _('Choose what the files prove.') : '');
      setInputError(photos, photoError, files.length === 0 ? _('Take a photo or choose a file.') : '');
      if (select.value === '' || files.length === 0 || this.running)
        return;
      // Rows attached earlier leave; failed ones stay to be retried.
      this.rows = this.rows.filter((row) => {
        if (row.done)
          row.el.remove();
        return !row.done;
      });
      for (const file of files) {
        const row = new UploadRow(this.id, file, select.value, note.value.trim());
        row.retry.addEventListener('click', () => this.runRows([row]));
        this.rows.push(row);
        this.queue.append(row.el);
      }
      photos.value = '';
      this.runRows(this.rows.filter((row) => !row.done)).then((allDone) => {
        if (allDone)
          note.value = '';
      });
    });
    return form;
  }

  // Runs the rows one after the other, then shows the list as the server
  // has it; → true when every row is attached.
  async runRows(rows) {
    if (this.running)
      return false;
    this.running = true;
    let allDone = true;
    try {
      for (const row of rows) {
        if (this.left)
          return false;
        if (!row.done && !(await row.run()))
          allDone = false;
      }
    } finally {
      this.running = false;
    }
    if (!this.left)
      await this.refreshList();
    return allDone;
  }

  leave() {
    this.left = true;
    this.rows.forEach((row) => row.abort());
  }

  async render() {
    // A failure here (404 outside the caller's scope …) is the router's
    // to show in place of the page.
    const application = await get(`/pubrent/applications/${encodeURIComponent(this.id)}`);
    if (this.left)
      return;
    this.view.append(
      h('section', { class: 'card', dataset: { application: String(application.id) } },
        h('h2', { dataset: { field: 'application_no' } }, application.application_no),
        h('p', {},
          h('span', {}, _('Status')), ' ',
          h('span', { class: 'badge neutral', dataset: { field: 'status', status: application.status } },
            application.status_label)),
        h('a', { href: `#/applications/${encodeURIComponent(this.id)}` },
          _('Application details'))),
      h('section', { class: 'card' },
        h('h2', {}, _('Materials')), this.listError, this.list));
    if (mayAdd(application))
      this.view.append(
        h('section', { class: 'card' },
          h('h2', {}, _('Add proofs')), this.addForm(), this.queue));
    else
      this.view.append(
        h('p', { class: 'card muted', dataset: { notice: 'read-only' } },
          _('The materials of this application can no longer be changed.')));
    await this.refreshList();
  }
}

route('/applications/:id/materials', {
  title: () => _('Materials'),
  tab: 'scan',
  render: async (view, params) => {
    if (shown)
      shown.leave();
    shown = new MaterialsPage(view, params.id);
    await shown.render();
  },
  leave: () => {
    if (shown)
      shown.leave();
    shown = null;
  },
});
