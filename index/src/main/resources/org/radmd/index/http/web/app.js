// radmd case search: a single page over the JSON API (/api/search, /api/case, /api/similar, /api/suggest).
// State lives in location.hash: "#q=...&modality=CT&source=MPx&diagnosis=DOID:9477" or "#case=<sampleId>".
'use strict';

const DIMS = ['modality', 'source', 'diagnosis'];
const $ = (sel, root = document) => root.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('data-')) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

// Output-relative stored path -> URL under /files/ (each segment escaped); null for unstored (absolute) paths.
function fileUrl(path) {
  if (!path || path.startsWith('/') || path.includes('..')) return null;
  return '/files/' + path.split('/').map(encodeURIComponent).join('/');
}

// A volume's key slice sits beside it as .png.
function thumbnailUrl(path) {
  return fileUrl(path && path.endsWith('.nii.gz') ? path.slice(0, -'.nii.gz'.length) + '.png' : path);
}

// The server HTML-escapes snippets and marks matches with <b>; keep those two tags and nothing else.
function snippetNode(html) {
  const p = el('p', { class: 'snippet' });
  p.innerHTML = (html || '').replace(/<(?!\/?b>)/g, '&lt;');
  return p;
}

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

function readState() {
  const p = new URLSearchParams(location.hash.slice(1));
  const s = { q: p.get('q') || '', case: p.get('case') };
  for (const d of DIMS) s[d] = p.get(d) || '';
  return s;
}

function writeState(s) {
  const p = new URLSearchParams();
  if (s.case) p.set('case', s.case);
  else {
    p.set('q', s.q || '');
    for (const d of DIMS) if (s[d]) p.set(d, s[d]);
  }
  const h = '#' + p.toString();
  if (location.hash !== h) location.hash = h; else render();
}

let lastSearch = { q: '' };

async function render() {
  const s = readState();
  document.body.classList.toggle('case-mode', Boolean(s.case));
  if (s.case) return showCase(s.case);
  $('#case-view').hidden = true;
  $('#results-view').hidden = false;
  $('#q').value = s.q;
  lastSearch = s;
  if (!location.hash) return;
  const params = new URLSearchParams({ q: s.q, limit: '30' });
  for (const d of DIMS) if (s[d]) params.set(d, s[d]);
  $('#summary').textContent = 'Searching…';
  try {
    const r = await getJson('/api/search?' + params);
    renderFacets(r, s);
    renderResults(r, s);
  } catch (e) {
    $('#summary').textContent = 'Search failed: ' + e.message;
    $('#summary').classList.add('error');
  }
}

function renderFacets(r, s) {
  const labels = (r.facetLabels && r.facetLabels.diagnosis) || {};
  for (const d of DIMS) {
    const ul = $(`.facet-group[data-dim="${d}"] ul`);
    ul.replaceChildren();
    const counts = (r.facets && r.facets[d]) || {};
    const entries = Object.entries(counts);
    if (s[d] && !(s[d] in counts)) entries.unshift([s[d], 0]);
    if (!entries.length) ul.append(el('li', { class: 'diagnosis', text: 'none' }));
    for (const [value, n] of entries) {
      const label = d === 'diagnosis' ? (labels[value] || value) : value;
      const b = el('button', { type: 'button', class: 'facet' + (s[d] === value ? ' active' : ''),
        'data-dim': d, 'data-value': value, title: value },
      el('span', { class: 'label', text: label }), el('span', { class: 'count', text: String(n) }));
      b.addEventListener('click', () => {
        const next = { ...lastSearch, case: null };
        next[d] = next[d] === value ? '' : value;
        writeState(next);
      });
      ul.append(el('li', {}, b));
    }
  }
  const chips = $('#active-filters');
  chips.replaceChildren();
  for (const d of DIMS) {
    if (!s[d]) continue;
    const name = d === 'diagnosis' ? (labels[s[d]] || s[d]) : s[d];
    const chip = el('button', { type: 'button', class: 'chip', 'data-dim': d, text: `${d}: ${name} ×` });
    chip.addEventListener('click', () => { const next = { ...lastSearch, case: null }; next[d] = ''; writeState(next); });
    chips.append(chip);
  }
}

function card(hit) {
  const url = thumbnailUrl((hit.imagePaths || [])[0]);
  const thumb = url ? el('img', { class: 'thumb', src: url, alt: 'first image of ' + hit.sampleId, loading: 'lazy' })
    : el('div', { class: 'thumb empty', text: 'no image' });
  const title = hit.title || (hit.diagnoses || [])[0] || hit.caseId;
  const badges = el('div', { class: 'badges' },
    ...(hit.modalities || []).map(m => el('span', { class: 'badge modality', text: m })),
    el('span', { class: 'badge', text: hit.source }),
    hit.anatomy ? el('span', { class: 'badge', text: hit.anatomy }) : null);
  const c = el('div', { class: 'card', tabIndex: 0, 'data-sample-id': hit.sampleId, 'data-case-id': hit.caseId },
    thumb,
    el('div', {},
      el('h3', { text: title }),
      el('p', { class: 'diagnosis', text: 'Diagnosis: ' + ((hit.diagnoses || []).join('; ') || 'not stated') }),
      badges,
      snippetNode(hit.snippet)));
  const open = () => writeState({ case: hit.sampleId });
  c.addEventListener('click', open);
  c.addEventListener('keydown', e => { if (e.key === 'Enter') open(); });
  return c;
}

function renderResults(r, s) {
  const hits = r.hits || [];
  const summary = $('#summary');
  summary.classList.remove('error');
  const also = (r.expandedTerms || []).slice(0, 5);
  summary.textContent = `${r.totalCases || 0} case(s)` + (s.q ? ` for “${s.q}”` : '')
    + (also.length ? ` — also searched: ${also.join(', ')}` : '');
  $('#results').replaceChildren(...hits.map(card));
}

function textSection(title, text) {
  if (!text) return null;
  return el('section', {}, el('h4', { text: title }), el('p', { text }));
}

function imageFigure(sample, image, index) {
  const caption = [image.modality, image.modalityLabel, image.plane, image.caption].filter(Boolean).join(' · ');
  if (image.kind === 'VOLUME_3D') {
    const depth = (image.shape && image.shape.length === 4) ? image.shape[3] : 1;
    const z0 = Math.floor(depth / 2);
    const sliceUrl = z => `/api/volume/${encodeURIComponent(sample.id)}/${index}/slice/${z}.png`;
    const img = el('img', { class: 'slice', src: sliceUrl(z0), alt: `slice of ${image.id}` });
    const label = el('span', { class: 'slice-label', text: `${z0 + 1} / ${depth}` });
    const range = el('input', { type: 'range', class: 'slice-scroller', min: 0, max: depth - 1, value: z0,
      'aria-label': 'slice of ' + image.id });
    range.addEventListener('input', () => {
      img.src = sliceUrl(range.value);
      label.textContent = `${Number(range.value) + 1} / ${depth}`;
    });
    return el('figure', { class: 'volume', 'data-image-index': String(index) }, img,
      el('div', { class: 'scroller' }, range, label),
      el('figcaption', { text: `3D series ${image.id}` + (caption ? ' · ' + caption : '') }));
  }
  const url = fileUrl(image.path);
  return el('figure', { class: 'picture', 'data-image-index': String(index) },
    url ? el('img', { src: url, alt: image.caption || image.id }) : el('div', { class: 'thumb empty', text: 'not stored' }),
    el('figcaption', { text: caption || image.id }));
}

async function showCase(id) {
  $('#results-view').hidden = true;
  $('#case-view').hidden = false;
  const article = $('#case');
  article.replaceChildren(el('p', { text: 'Loading…' }));
  $('#similar').hidden = true;
  let sample;
  try {
    sample = await getJson('/api/case/' + encodeURIComponent(id));
  } catch (e) {
    article.replaceChildren(el('p', { class: 'error', text: 'Case not available: ' + e.message }));
    return;
  }
  const t = sample.text || {};
  const lic = sample.licence || {};
  article.replaceChildren(
    el('h2', { text: t.title || (sample.diagnoses || [])[0] || sample.caseId }),
    el('p', { class: 'case-meta', text: [sample.source, 'case ' + sample.caseId,
      (sample.modalities || []).join(', '), sample.anatomy].filter(Boolean).join(' · ') }),
    el('div', { class: 'case-text' },
      textSection('Diagnosis', (sample.diagnoses || []).join('; ')),
      textSection('History', t.history),
      textSection('Caption', t.caption),
      textSection('Findings', t.findings),
      textSection('Impression', t.impression),
      textSection('Discussion', t.discussion),
      textSection('Cited in text', (t.inline || []).join(' '))),
    el('div', { class: 'images' }, ...(sample.images || []).map((im, i) => imageFigure(sample, im, i))),
    el('p', { class: 'licence', text: 'Licence: ' + (lic.id || 'unknown')
      + (lic.attribution ? ' · ' + lic.attribution : '')
      + (sample.provenance && sample.provenance.url ? ' · ' + sample.provenance.url : '')
      + ' · Research data, not for clinical use.' }));
  try {
    const sim = await getJson('/api/similar/' + encodeURIComponent(id) + '?k=6');
    if ((sim.hits || []).length) {
      $('#similar .results').replaceChildren(...sim.hits.map(card));
      $('#similar').hidden = false;
    }
  } catch (e) {
    // Similar cases are optional; the case itself is shown.
  }
}

let suggestTimer = 0;
let suggestSeq = 0;
function suggest() {
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(async () => {
    const prefix = $('#q').value.trim();
    const seq = ++suggestSeq;
    if (prefix.length < 2) return;
    try {
      const r = await getJson('/api/suggest?' + new URLSearchParams({ prefix, limit: '12' }));
      if (seq !== suggestSeq) return;
      $('#suggestions').replaceChildren(...(r.suggestions || []).map(v => el('option', { value: v })));
    } catch (e) {
      // Suggestions are a convenience.
    }
  }, 150);
}

document.addEventListener('DOMContentLoaded', () => {
  $('#search-form').addEventListener('submit', e => {
    e.preventDefault();
    // A new query keeps the modality and source filters; a diagnosis filter belonged to the old query.
    const s = readState().case ? lastSearch : readState();
    writeState({ q: $('#q').value.trim(), modality: s.modality, source: s.source, diagnosis: '' });
  });
  $('#q').addEventListener('input', suggest);
  $('#back').addEventListener('click', e => {
    e.preventDefault();
    writeState({ ...lastSearch, case: null });
  });
  window.addEventListener('hashchange', render);
  render();
});
