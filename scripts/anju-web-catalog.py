#!/usr/bin/env python3
# anju-web-catalog.py: the mobile web's translation catalogue.
#
# Copyright 2026 The Anju authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes i18n/<lang>.json for resources/web from po/<lang>.po, holding only
# the messages the web's JavaScript uses, so a phone downloads a few
# kilobytes rather than the whole desktop catalogue.  The msgids are read
# with xgettext (the same parser as po/anju.pot), keywords _ and
# ngettext:1,2.  The JSON maps a msgid to its msgstr, a plural msgid to the
# list of its forms, and "" to the PO header (core/i18n.js reads
# Plural-Forms from it).  Untranslated and fuzzy messages are left out:
# the page shows the English msgid.
#
# Usage: anju-web-catalog.py XGETTEXT PO_FILE WEB_DIR OUTPUT DEPFILE

import json
import os
import subprocess
import sys


def unquote(text):
    """The value of one PO string literal, escapes resolved."""
    body = text.strip()
    assert body.startswith('"') and body.endswith('"'), body
    out = []
    i = 1
    while i < len(body) - 1:
        c = body[i]
        if c == '\\':
            i += 1
            c = body[i]
            out.append({'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\'}.get(c, c))
        else:
            out.append(c)
        i += 1
    return ''.join(out)


def parse_po(text):
    """Entries of a PO file as dicts: msgctxt, msgid, msgid_plural,
    msgstr (a list of forms), fuzzy.  Obsolete (#~) entries are skipped."""
    entries = []
    entry = {}
    key = None

    def flush():
        nonlocal entry, key
        if 'msgid' in entry:
            entries.append(entry)
        entry = {}
        key = None

    for line in text.splitlines():
        line = line.strip()
        if not line:
            flush()
            continue
        if line.startswith('#'):
            if 'msgid' in entry:
                flush()
            if line.startswith('#,') and 'fuzzy' in line:
                entry['fuzzy'] = True
            continue
        if line.startswith('"'):
            if key is None:
                continue
            if isinstance(key, tuple):
                entry['msgstr'][key[1]] += unquote(line)
            else:
                entry[key] += unquote(line)
            continue
        word, _, rest = line.partition(' ')
        if word in ('msgctxt', 'msgid') and 'msgid' in entry and (word == 'msgctxt' or 'msgstr' in entry):
            flush()
        if word.startswith('msgstr['):
            index = int(word[len('msgstr['):-1])
            forms = entry.setdefault('msgstr', [])
            while len(forms) <= index:
                forms.append('')
            forms[index] = unquote(rest)
            key = ('msgstr', index)
        elif word == 'msgstr':
            entry['msgstr'] = [unquote(rest)]
            key = ('msgstr', 0)
        elif word in ('msgctxt', 'msgid', 'msgid_plural'):
            entry[word] = unquote(rest)
            key = word
    flush()
    return entries


def js_files(web_dir):
    found = []
    for root, dirs, files in os.walk(web_dir):
        dirs.sort()
        for name in sorted(files):
            if name.endswith('.js'):
                found.append(os.path.join(root, name))
    return found


def used_msgids(xgettext, files):
    """(msgctxt, msgid) of every message the files mark."""
    if not files:
        return set()
    pot = subprocess.run([xgettext, '--language=JavaScript', '--from-code=UTF-8',
                          '--keyword=_', '--keyword=ngettext:1,2', '--omit-header',
                          '--output=-'] + files,
                         check=True, capture_output=True, text=True).stdout
    return {(e.get('msgctxt'), e['msgid']) for e in parse_po(pot) if e['msgid']}


def build_catalogue(entries, used):
    catalogue = {}
    for e in entries:
        if e['msgid'] == '' and e.get('msgctxt') is None:
            catalogue[''] = e['msgstr'][0]
            continue
        forms = e.get('msgstr', [])
        if e.get('fuzzy') or (e.get('msgctxt'), e['msgid']) not in used or not any(forms):
            continue
        catalogue[e['msgid']] = forms if 'msgid_plural' in e else forms[0]
    return catalogue


def main():
    xgettext, po_file, web_dir, output, depfile = sys.argv[1:6]
    files = js_files(web_dir)
    with open(po_file, encoding='utf-8') as f:
        entries = parse_po(f.read())
    catalogue = build_catalogue(entries, used_msgids(xgettext, files))
    with open(output, 'w', encoding='utf-8') as f:
        json.dump(catalogue, f, ensure_ascii=False, sort_keys=True, separators=(',', ':'))
        f.write('\n')
    # Every file read, so ninja rebuilds when a page or the catalogue changes.
    with open(depfile, 'w', encoding='utf-8') as f:
        deps = [po_file] + files
        f.write(output.replace(' ', '\\ ') + ': ' + ' '.join(d.replace(' ', '\\ ') for d in deps) + '\n')


if __name__ == '__main__':
    main()
