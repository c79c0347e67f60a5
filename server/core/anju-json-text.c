/* anju-json-text.c: JSON text written straight into a GString.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "anju-json-text.h"

struct _AnjuJsonText
{
  GString  *out;
  /* A value was written at this level, so the next one needs a comma.
   * After a member name it is FALSE: the value follows the colon. */
  gboolean  after_value;
};

AnjuJsonText *
anju_json_text_new (GString *out)
{
  AnjuJsonText *self = g_new0 (AnjuJsonText, 1);

  self->out = out;
  return self;
}

void
anju_json_text_free (AnjuJsonText *self)
{
  g_free (self);
}

/* Before any value, or a member name: the comma that separates it from
 * the one before. */
static void
separate (AnjuJsonText *self)
{
  if (self->after_value)
    g_string_append_c (self->out, ',');
}

static void
open_container (AnjuJsonText *self,
                char          bracket)
{
  separate (self);
  g_string_append_c (self->out, bracket);
  self->after_value = FALSE;
}

static void
close_container (AnjuJsonText *self,
                 char          bracket)
{
  g_string_append_c (self->out, bracket);
  self->after_value = TRUE;
}

void
anju_json_text_begin_object (AnjuJsonText *self)
{
  open_container (self, '{');
}

void
anju_json_text_end_object (AnjuJsonText *self)
{
  close_container (self, '}');
}

void
anju_json_text_begin_array (AnjuJsonText *self)
{
  open_container (self, '[');
}

void
anju_json_text_end_array (AnjuJsonText *self)
{
  close_container (self, ']');
}

static void
append_control (GString *out,
                guchar   c)
{
  static const char hex[] = "0123456789abcdef";

  switch (c)
    {
    case '\b': g_string_append (out, "\\b"); break;
    case '\f': g_string_append (out, "\\f"); break;
    case '\n': g_string_append (out, "\\n"); break;
    case '\r': g_string_append (out, "\\r"); break;
    case '\t': g_string_append (out, "\\t"); break;
    default:
      g_string_append (out, "\\u00");
      g_string_append_c (out, hex[c >> 4]);
      g_string_append_c (out, hex[c & 0xf]);
      break;
    }
}

/* g_string_append_len() without its call when the bytes fit (GLib 2.74
 * only inlines the one-byte append): runs, names and numbers are short,
 * and a page of a list appends some 2,000 of them. */
static inline void
append_bytes (GString    *out,
              const char *bytes,
              gsize       length)
{
  if (out->len + length < out->allocated_len)
    {
      memcpy (out->str + out->len, bytes, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, bytes, length);
}

/* What the quoting loop does with each byte: 0 passes (ASCII but '"',
 * '\\' and the controls), ESCAPE is escaped, 2 to 4 lead a UTF-8
 * sequence of that length, INVALID never starts one (a continuation,
 * 0xC0, 0xC1, 0xF5 and up).  One lookup a byte instead of four tests:
 * every list and record is mostly such runs. */
enum { ESCAPE = 1, INVALID = 5 };

#define E ESCAPE
#define X INVALID
static const guchar byte_kind[256] = {
  E, E, E, E, E, E, E, E, E, E, E, E, E, E, E, E,  /* 0_ */
  E, E, E, E, E, E, E, E, E, E, E, E, E, E, E, E,  /* 1_ */
  0, 0, E, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 2_ */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 3_ */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 4_ */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, E, 0, 0, 0,  /* 5_ */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 6_ */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 7_ */
  X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,  /* 8_ */
  X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,  /* 9_ */
  X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,  /* A_ */
  X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,  /* B_ */
  X, X, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,  /* C_ */
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,  /* D_ */
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,  /* E_ */
  4, 4, 4, 4, 4, X, X, X, X, X, X, X, X, X, X, X,  /* F_ */
};
#undef E
#undef X

/* The length of the valid UTF-8 sequence of length (2 to 4) bytes at p,
 * or 0 (RFC 3629: no overlong forms, no surrogates, nothing past
 * U+10FFFF; byte_kind already refused the leads 0xC0, 0xC1, 0xF5 up). */
static inline gsize
utf8_sequence_length (const guchar *p,
                      const guchar *end,
                      gsize         length)
{
  guchar lead = p[0];
  guchar low = 0x80, high = 0xbf;

  if ((gsize) (end - p) < length)
    return 0;
  if (lead == 0xe0)
    low = 0xa0;
  else if (lead == 0xed)
    high = 0x9f;
  else if (lead == 0xf0)
    low = 0x90;
  else if (lead == 0xf4)
    high = 0x8f;
  if (p[1] < low || p[1] > high)
    return 0;
  for (gsize i = 2; i < length; i++)
    if ((p[i] & 0xc0) != 0x80)
      return 0;
  return length;
}

/* The quoted, escaped string; runs of bytes that need nothing are
 * appended at once.  The loop only stops at a byte that byte_kind does
 * not pass, and goes on over a whole valid UTF-8 sequence. */
static void
append_quoted (GString    *out,
               const char *value,
               gsize       length)
{
  const guchar *end = (const guchar *) value + length;
  const guchar *run = (const guchar *) value;
  const guchar *p = run;

  g_string_append_c (out, '"');
  for (;;)
    {
      guchar kind;
      gsize n;

      while (p < end && byte_kind[*p] == 0)
        p++;
      if (p == end)
        break;
      kind = byte_kind[*p];
      if (kind != ESCAPE && kind != INVALID && (n = utf8_sequence_length (p, end, kind)) > 0)
        {
          p += n;
          continue;
        }
      append_bytes (out, (const char *) run, p - run);
      if (kind != ESCAPE)
        /* One U+FFFD per byte that starts no valid sequence. */
        g_string_append (out, "\xef\xbf\xbd");
      else if (*p == '"' || *p == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) *p);
        }
      else
        append_control (out, *p);
      run = ++p;
    }
  append_bytes (out, (const char *) run, end - run);
  g_string_append_c (out, '"');
}

void
anju_json_text_member (AnjuJsonText *self,
                       const char   *name)
{
  separate (self);
  append_quoted (self->out, name, strlen (name));
  g_string_append_c (self->out, ':');
  self->after_value = FALSE;
}

void
anju_json_text_string_len (AnjuJsonText *self,
                           const char   *value,
                           gsize         length)
{
  separate (self);
  append_quoted (self->out, value, length);
  self->after_value = TRUE;
}

void
anju_json_text_string (AnjuJsonText *self,
                       const char   *value)
{
  if (value == NULL)
    anju_json_text_null (self);
  else
    anju_json_text_string_len (self, value, strlen (value));
}

void
anju_json_text_int (AnjuJsonText *self,
                    gint64        value)
{
  /* Digits from the end; through guint64 so that G_MININT64 negates. */
  char digits[24];
  char *p = digits + sizeof digits;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    *--p = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) != 0);
  if (value < 0)
    *--p = '-';
  separate (self);
  append_bytes (self->out, p, digits + sizeof digits - p);
  self->after_value = TRUE;
}

void
anju_json_text_double (AnjuJsonText *self,
                       double        value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      anju_json_text_null (self);
      return;
    }
  /* The fewest digits that read back as value (17 always do). */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  separate (self);
  g_string_append (self->out, buffer);
  /* "2.0", not "2", so that it reads back as a double. */
  if (strpbrk (buffer, ".eE") == NULL)
    g_string_append (self->out, ".0");
  self->after_value = TRUE;
}

void
anju_json_text_bool (AnjuJsonText *self,
                     gboolean      value)
{
  separate (self);
  g_string_append (self->out, value ? "true" : "false");
  self->after_value = TRUE;
}

void
anju_json_text_null (AnjuJsonText *self)
{
  separate (self);
  g_string_append (self->out, "null");
  self->after_value = TRUE;
}

void
anju_json_text_raw (AnjuJsonText *self,
                    const char   *json,
                    gsize         length)
{
  separate (self);
  g_string_append_len (self->out, json, length);
  self->after_value = TRUE;
}

void
anju_json_text_begin_page (AnjuJsonText *self)
{
  anju_json_text_begin_object (self);
  anju_json_text_member (self, "items");
  anju_json_text_begin_array (self);
}

void
anju_json_text_end_page (AnjuJsonText *self,
                         gint64        total,
                         guint         page,
                         guint         page_size)
{
  anju_json_text_end_array (self);
  anju_json_text_member (self, "total");
  anju_json_text_int (self, total);
  anju_json_text_member (self, "next");
  if ((gint64) page * page_size < total)
    anju_json_text_int (self, page + 1);
  else
    anju_json_text_null (self);
  anju_json_text_end_object (self);
}
