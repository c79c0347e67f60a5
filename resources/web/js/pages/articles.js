// pages/articles.js — #/articles?kind=news|notice|guide and #/articles/:id
// (F-PORTAL-026 news, F-PORTAL-027 notices, F-PORTAL-028 business guides).
//
// An article's body is plain text from the server: it becomes paragraphs
// of text nodes, never markup. Guides show their materials, time limit and
// steps.

import { _, fmt, ngettext } from '../core/i18n.js';
import { get } from '../core/api.js';
import { route, go } from '../core/router.js';
import { h, emptyState, showError, busy, formatDate, formatDateTime } from '../core/dom.js';

const PAGE_SIZE = 20;
const KINDS = ['news', 'notice', 'guide'];

function kindLabel(kind) {
  switch (kind) {
  case 'notice':
    return _('Notices');
  case 'guide':
    return _('Guides');
  default:
    return _('News');
  }
}

function articleItem(article) {
  return h('li', { class: 'list-item', dataset: { id: article.id, kind: article.kind } },
    h('a', { href: `#/articles/${article.id}` },
      h('span', { class: 'item-main' },
        h('span', { class: 'item-title' }, article.title),
        article.summary ? h('span', { class: 'item-meta' }, article.summary) : null,
        h('span', { class: 'item-meta' },
          [formatDate(article.published_at), article.category].filter(Boolean).join(' · ')))));
}

async function renderList(view, params, query) {
  const kind = KINDS.includes(query.kind) ? query.kind : 'news';
  const q = query.q || '';
  const search = h('input', { name: 'q', type: 'search', value: q, attrs: { 'aria-label': _('Search articles'), enterkeyhint: 'search' } });
  const searchForm = h('form', { class: 'toolbar', id: 'articles-search', attrs: { role: 'search' } },
    h('div', { class: 'field grow' }, search),
    h('button', { type: 'submit', class: 'button' }, _('Search')));
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = search.value.trim();
    go(`#/articles?kind=${kind}${text ? `&q=${encodeURIComponent(text)}` : ''}`);
  });
  view.append(
    h('div', { class: 'tabs', attrs: { role: 'group', 'aria-label': _('Kind') } },
      KINDS.map((each) => h('a', {
        class: 'tab-button', href: `#/articles?kind=${each}`, dataset: { kind: each },
        attrs: { 'aria-pressed': each === kind ? 'true' : 'false', role: 'button' },
      }, kindLabel(each)))),
    searchForm);

  const errorBox = h('div', { class: 'error', hidden: true });
  const list = h('ul', { class: 'list', id: 'articles-list', dataset: { kind } });
  const more = h('button', { type: 'button', class: 'button block', id: 'articles-more', hidden: true }, _('Load more'));
  let page = 1;
  const load = async () => {
    const answer = await get('/articles', { kind, q, page, page_size: PAGE_SIZE });
    for (const article of answer.items)
      list.append(articleItem(article));
    more.hidden = !answer.next;
    page = answer.next || page;
    return answer;
  };
  const first = await load();
  if (first.items.length === 0)
    view.append(emptyState(_('Nothing published yet.')));
  else
    view.append(list, more, errorBox);
  more.addEventListener('click', () => busy(more, load()).catch((err) => showError(errorBox, err)));
}

function paragraphs(text) {
  return String(text || '').split(/\n\s*\n|\n/).map((line) => line.trim()).filter(Boolean)
    .map((line) => h('p', {}, line));
}

function guideSection(guide) {
  if (!guide)
    return null;
  const parts = [];
  if (guide.time_limit_days)
    parts.push(h('p', { id: 'guide-time-limit' },
      fmt(ngettext('Time limit: {n} day', 'Time limit: {n} days', guide.time_limit_days), { n: guide.time_limit_days })));
  if (guide.materials && guide.materials.length > 0)
    parts.push(h('h3', {}, _('Required materials')),
      h('ul', { class: 'materials', id: 'guide-materials' }, guide.materials.map((m) => h('li', {}, m))));
  if (guide.steps && guide.steps.length > 0)
    parts.push(h('h3', {}, _('Process steps')),
      h('ol', { class: 'steps', id: 'guide-steps' }, guide.steps.map((s) => h('li', {}, s))));
  return parts.length > 0 ? h('section', { class: 'card', id: 'guide' }, parts) : null;
}

function attachmentsSection(files) {
  if (!files || files.length === 0)
    return null;
  return h('section', { class: 'card' },
    h('h3', {}, _('Attachments')),
    h('ul', { class: 'list', id: 'attachments' }, files.map((file) => h('li', { class: 'list-item' },
      h('a', { href: `/api/v1/files/${file.id}/content`, attrs: { download: file.name } },
        h('span', { class: 'item-main' }, h('span', { class: 'item-title' }, file.name)))))));
}

async function renderArticle(view, params) {
  const article = await get(`/articles/${encodeURIComponent(params.id)}`);
  const meta = [kindLabel(article.kind), formatDateTime(article.published_at),
    article.author ? article.author.name : null, article.category].filter(Boolean).join(' · ');
  view.append(...[
    h('article', { class: 'card', id: 'article', dataset: { id: article.id, kind: article.kind } },
      h('h2', {}, article.title),
      h('p', { class: 'article-meta' }, meta),
      article.summary ? h('p', { class: 'muted' }, article.summary) : null,
      h('div', { class: 'article-body', id: 'article-body' }, paragraphs(article.body))),
    guideSection(article.guide),
    attachmentsSection(article.attachments),
  ].filter(Boolean));
}

route('/articles', {
  title: (params, query) => kindLabel(query.kind),
  tab: null,
  render: renderList,
});

route('/articles/:id', {
  title: () => _('Article'),
  tab: null,
  render: renderArticle,
});
