/* anju-table-reader.c: the rows of an uploaded CSV or XLSX file.
 *
 * Both formats are parsed into the same shape: a list of rows, each with
 * its spreadsheet row number and its cells.  The first row that is not
 * entirely empty is the header; entirely empty rows after it are dropped
 * but never renumber the rows that follow.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <minizip/unzip.h>
#include <string.h>

#include "anju-error.h"
#include "anju-table-reader.h"

/* A cell reference past XFD (Excel's last column) is not a worksheet. */
#define MAX_COLUMNS 16384
/* An XLSX part larger than this is refused rather than inflated. */
#define MAX_PART_BYTES (64 * 1024 * 1024)

typedef struct
{
  guint      number;   /* spreadsheet row number, 1-based */
  GPtrArray *cells;    /* char*, trimmed */
} Row;

struct _AnjuTableReader
{
  char     **header;   /* NULL-terminated */
  GArray    *rows;     /* Row, data rows only */
};

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->cells, g_ptr_array_unref);
}

static gboolean
row_is_empty (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    if (*(const char *) g_ptr_array_index (cells, i) != '\0')
      return FALSE;
  return TRUE;
}

/* Rows as parsed, before the header is taken off. */
typedef struct
{
  GArray *rows;        /* Row */
} RowSink;

static void
sink_init (RowSink *sink)
{
  sink->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (sink->rows, row_clear);
}

/* Takes cells; trims them, drops trailing empty ones and skips the row
 * when nothing is left. */
static void
sink_add (RowSink   *sink,
          guint      number,
          GPtrArray *cells)
{
  Row row = { number, cells };

  for (guint i = 0; i < cells->len; i++)
    g_strstrip (g_ptr_array_index (cells, i));
  while (cells->len > 0
         && *(const char *) g_ptr_array_index (cells, cells->len - 1) == '\0')
    g_ptr_array_remove_index (cells, cells->len - 1);

  if (row_is_empty (cells))
    {
      g_ptr_array_unref (cells);
      return;
    }
  g_array_append_val (sink->rows, row);
}

static GPtrArray *
new_cells (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static GError *
not_a_file_error (const char *format)
{
  return g_error_new (ANJU_ERROR, ANJU_ERROR_VALIDATION,
                      /* Translators: %s is "CSV" or "XLSX" */
                      _("The file is not a readable %s file"), format);
}

/* ---- CSV (RFC 4180) ---- */

static gboolean
parse_csv (const char  *data,
           gsize        length,
           RowSink     *sink,
           GError     **error)
{
  const char *end;
  const char *p;
  g_autoptr(GString) field = g_string_new (NULL);
  g_autoptr(GPtrArray) cells = new_cells ();
  gboolean in_quotes = FALSE;
  gboolean at_record_start = TRUE;
  guint number = 1;

  if (memchr (data, '\0', length) != NULL || !g_utf8_validate (data, length, &end))
    {
      g_propagate_error (error, not_a_file_error ("CSV"));
      return FALSE;
    }

  p = data;
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  for (; p < end; p++)
    {
      char c = *p;

      if (in_quotes)
        {
          if (c != '"')
            g_string_append_c (field, c);
          else if (p + 1 < end && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else
            in_quotes = FALSE;
          continue;
        }

      at_record_start = FALSE;
      if (c == '"' && field->len == 0)
        in_quotes = TRUE;
      else if (c == ',')
        {
          g_ptr_array_add (cells, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          g_ptr_array_add (cells, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          sink_add (sink, number++, g_steal_pointer (&cells));
          cells = new_cells ();
          at_record_start = TRUE;
        }
      else
        g_string_append_c (field, c);
    }

  if (in_quotes)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   _("Row %u of the CSV file has a quoted cell that is never closed"),
                   number);
      return FALSE;
    }
  if (!at_record_start)
    {
      g_ptr_array_add (cells, g_string_free (g_steal_pointer (&field), FALSE));
      sink_add (sink, number, g_steal_pointer (&cells));
    }
  return TRUE;
}

/* ---- XLSX: a ZIP archive read from memory ---- */

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         position;
} MemoryStream;

static voidpf
memory_open (voidpf      opaque,
             const void *filename G_GNUC_UNUSED,
             int         mode G_GNUC_UNUSED)
{
  MemoryStream *stream = opaque;

  stream->position = 0;
  return stream;
}

static uLong
memory_read (voidpf  opaque G_GNUC_UNUSED,
             voidpf  handle,
             void   *buffer,
             uLong   size)
{
  MemoryStream *stream = handle;
  gsize n = MIN ((gsize) size, stream->length - stream->position);

  memcpy (buffer, stream->data + stream->position, n);
  stream->position += n;
  return n;
}

static uLong
memory_write (voidpf      opaque G_GNUC_UNUSED,
              voidpf      handle G_GNUC_UNUSED,
              const void *buffer G_GNUC_UNUSED,
              uLong       size G_GNUC_UNUSED)
{
  return 0;
}

static ZPOS64_T
memory_tell (voidpf opaque G_GNUC_UNUSED,
             voidpf handle)
{
  return ((MemoryStream *) handle)->position;
}

static long
memory_seek (voidpf   opaque G_GNUC_UNUSED,
             voidpf   handle,
             ZPOS64_T offset,
             int      origin)
{
  MemoryStream *stream = handle;
  ZPOS64_T base;

  switch (origin)
    {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = stream->position; break;
    case ZLIB_FILEFUNC_SEEK_END: base = stream->length; break;
    default: return -1;
    }
  if (offset > stream->length - base)
    return -1;
  stream->position = base + offset;
  return 0;
}

static int
memory_close (voidpf opaque G_GNUC_UNUSED,
              voidpf handle G_GNUC_UNUSED)
{
  return 0;
}

static int
memory_error (voidpf opaque G_GNUC_UNUSED,
              voidpf handle G_GNUC_UNUSED)
{
  return 0;
}

static unzFile
open_zip (MemoryStream *stream)
{
  zlib_filefunc64_def funcs = {
    .zopen64_file = memory_open,
    .zread_file = memory_read,
    .zwrite_file = memory_write,
    .ztell64_file = memory_tell,
    .zseek64_file = memory_seek,
    .zclose_file = memory_close,
    .zerror_file = memory_error,
    .opaque = stream,
  };

  return unzOpen2_64 ("memory.xlsx", &funcs);
}

/* The part's bytes NUL-terminated, or NULL when it is missing or broken. */
static char *
read_part (unzFile     zip,
           const char *name,
           gsize      *out_length)
{
  unz_file_info64 info;
  g_autofree char *buffer = NULL;
  gsize done = 0;

  if (unzLocateFile (zip, name, 1) != UNZ_OK
      || unzGetCurrentFileInfo64 (zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK
      || info.uncompressed_size > MAX_PART_BYTES
      || unzOpenCurrentFile (zip) != UNZ_OK)
    return NULL;

  buffer = g_malloc (info.uncompressed_size + 1);
  while (done < info.uncompressed_size)
    {
      int n = unzReadCurrentFile (zip, buffer + done, info.uncompressed_size - done);

      if (n <= 0)
        break;
      done += n;
    }
  /* Also checks the CRC. */
  if (unzCloseCurrentFile (zip) != UNZ_OK || done != info.uncompressed_size)
    return NULL;

  buffer[done] = '\0';
  *out_length = done;
  return g_steal_pointer (&buffer);
}

static const char *
local_name (const char *element)
{
  const char *colon = strrchr (element, ':');

  return colon != NULL ? colon + 1 : element;
}

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (local_name (names[i]), wanted) == 0)
      return values[i];
  return NULL;
}

static gboolean
parse_xml (const char          *text,
           gsize                length,
           const GMarkupParser *parser,
           gpointer             user_data)
{
  g_autoptr(GMarkupParseContext) context =
    g_markup_parse_context_new (parser, G_MARKUP_DEFAULT_FLAGS, user_data, NULL);

  /* GMarkup does not skip the <?xml …?> declaration's BOM. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }
  return g_markup_parse_context_parse (context, text, length, NULL)
         && g_markup_parse_context_end_parse (context, NULL);
}

/* xl/workbook.xml: the relationship id of the first <sheet>. */
typedef struct
{
  char *rel_id;
} WorkbookScan;

static void
workbook_start (GMarkupParseContext  *context G_GNUC_UNUSED,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error G_GNUC_UNUSED)
{
  WorkbookScan *scan = user_data;

  if (scan->rel_id == NULL && g_str_equal (local_name (element), "sheet"))
    scan->rel_id = g_strdup (find_attribute (names, values, "id"));
}

/* xl/_rels/workbook.xml.rels: the target of one relationship. */
typedef struct
{
  const char *rel_id;
  char       *target;
} RelsScan;

static void
rels_start (GMarkupParseContext  *context G_GNUC_UNUSED,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error G_GNUC_UNUSED)
{
  RelsScan *scan = user_data;

  if (scan->target == NULL
      && g_str_equal (local_name (element), "Relationship")
      && g_strcmp0 (find_attribute (names, values, "Id"), scan->rel_id) == 0)
    scan->target = g_strdup (find_attribute (names, values, "Target"));
}

/* The path inside the archive of the first worksheet. */
static char *
first_sheet_path (unzFile zip)
{
  g_autofree char *workbook = NULL;
  g_autofree char *rels = NULL;
  WorkbookScan wscan = { NULL };
  RelsScan rscan = { NULL, NULL };
  static const GMarkupParser wparser = { workbook_start, NULL, NULL, NULL, NULL };
  static const GMarkupParser rparser = { rels_start, NULL, NULL, NULL, NULL };
  gsize length;
  char *path = NULL;

  workbook = read_part (zip, "xl/workbook.xml", &length);
  if (workbook == NULL || !parse_xml (workbook, length, &wparser, &wscan)
      || wscan.rel_id == NULL)
    goto out;

  rels = read_part (zip, "xl/_rels/workbook.xml.rels", &length);
  rscan.rel_id = wscan.rel_id;
  if (rels == NULL || !parse_xml (rels, length, &rparser, &rscan) || rscan.target == NULL)
    goto out;

  /* Targets are relative to xl/ unless absolute within the package. */
  if (rscan.target[0] == '/')
    path = g_strdup (rscan.target + 1);
  else
    path = g_strconcat ("xl/", rscan.target, NULL);

out:
  g_free (wscan.rel_id);
  g_free (rscan.target);
  return path;
}

/* Text of <t> elements, leaving out phonetic runs (<rPh>). */
typedef struct
{
  GString *text;
  gboolean in_t;
  guint    phonetic_depth;
} TextCollector;

static void
collector_start (TextCollector *collector,
                 const char    *name)
{
  if (g_str_equal (name, "rPh"))
    collector->phonetic_depth++;
  else if (g_str_equal (name, "t") && collector->phonetic_depth == 0)
    collector->in_t = TRUE;
}

static void
collector_end (TextCollector *collector,
               const char    *name)
{
  if (g_str_equal (name, "rPh"))
    collector->phonetic_depth--;
  else if (g_str_equal (name, "t"))
    collector->in_t = FALSE;
}

/* xl/sharedStrings.xml */
typedef struct
{
  GPtrArray    *strings;
  TextCollector collector;
} SharedStringsScan;

static void
shared_start (GMarkupParseContext  *context G_GNUC_UNUSED,
              const char           *element,
              const char          **names G_GNUC_UNUSED,
              const char          **values G_GNUC_UNUSED,
              gpointer              user_data,
              GError              **error G_GNUC_UNUSED)
{
  SharedStringsScan *scan = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "si"))
    g_string_truncate (scan->collector.text, 0);
  collector_start (&scan->collector, name);
}

static void
shared_end (GMarkupParseContext  *context G_GNUC_UNUSED,
            const char           *element,
            gpointer              user_data,
            GError              **error G_GNUC_UNUSED)
{
  SharedStringsScan *scan = user_data;
  const char *name = local_name (element);

  collector_end (&scan->collector, name);
  if (g_str_equal (name, "si"))
    g_ptr_array_add (scan->strings, g_strdup (scan->collector.text->str));
}

static void
shared_text (GMarkupParseContext  *context G_GNUC_UNUSED,
             const char           *text,
             gsize                 length,
             gpointer              user_data,
             GError              **error G_GNUC_UNUSED)
{
  SharedStringsScan *scan = user_data;

  if (scan->collector.in_t)
    g_string_append_len (scan->collector.text, text, length);
}

/* A worksheet's <sheetData>. */
typedef struct
{
  GPtrArray    *shared;       /* char*, borrowed */
  RowSink      *sink;
  GPtrArray    *cells;        /* the current row's, or NULL */
  guint         row_number;
  int           column;       /* the current cell's */
  char         *type;         /* the current cell's t="" */
  gboolean      in_v;
  GString      *value;
  TextCollector collector;    /* inline strings */
  GError       *error;
} SheetScan;

/* "C7" → 2; -1 when it does not start with a column. */
static int
column_from_reference (const char *reference)
{
  int column = 0;
  const char *p;

  for (p = reference; g_ascii_isalpha (*p); p++)
    {
      column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (column > MAX_COLUMNS)
        return -1;
    }
  return p == reference ? -1 : column - 1;
}

static void
sheet_start (GMarkupParseContext  *context G_GNUC_UNUSED,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error G_GNUC_UNUSED)
{
  SheetScan *scan = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "row"))
    {
      const char *r = find_attribute (names, values, "r");
      guint64 number;

      if (r != NULL && g_ascii_string_to_unsigned (r, 10, 1, G_MAXINT, &number, NULL))
        scan->row_number = number;
      else
        scan->row_number++;
      g_clear_pointer (&scan->cells, g_ptr_array_unref);
      scan->cells = new_cells ();
      scan->column = -1;
    }
  else if (g_str_equal (name, "c") && scan->cells != NULL)
    {
      const char *r = find_attribute (names, values, "r");
      int column = r != NULL ? column_from_reference (r) : -1;

      /* Without a reference a cell follows the previous one. */
      scan->column = column >= 0 ? column : MIN (scan->column + 1, MAX_COLUMNS - 1);
      g_free (scan->type);
      scan->type = g_strdup (find_attribute (names, values, "t"));
      g_string_truncate (scan->value, 0);
      g_string_truncate (scan->collector.text, 0);
    }
  else if (g_str_equal (name, "v"))
    scan->in_v = TRUE;
  else
    collector_start (&scan->collector, name);
}

/* A number as Excel means it: 65.5 rather than 65.499999999999999. */
static char *
format_number (const char *text)
{
  char *end;
  double value = g_ascii_strtod (text, &end);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (*text == '\0' || *end != '\0')
    return g_strdup (text);
  /* Long integers (an ID number typed as a number) keep their digits. */
  if (value == (gint64) value && ABS (value) >= 1e15)
    return g_strdup (text);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

static char *
cell_text (SheetScan *scan)
{
  const char *type = scan->type != NULL ? scan->type : "n";

  if (g_str_equal (type, "inlineStr"))
    return g_strdup (scan->collector.text->str);
  if (g_str_equal (type, "s"))
    {
      guint64 index;

      if (!g_ascii_string_to_unsigned (scan->value->str, 10, 0, G_MAXUINT, &index, NULL)
          || index >= scan->shared->len)
        return NULL;
      return g_strdup (g_ptr_array_index (scan->shared, index));
    }
  if (g_str_equal (type, "n"))
    return format_number (scan->value->str);
  return g_strdup (scan->value->str);
}

static void
sheet_end (GMarkupParseContext  *context G_GNUC_UNUSED,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  SheetScan *scan = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "row") && scan->cells != NULL)
    sink_add (scan->sink, scan->row_number, g_steal_pointer (&scan->cells));
  else if (g_str_equal (name, "c") && scan->cells != NULL)
    {
      char *text = cell_text (scan);

      if (text == NULL)
        {
          g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                       _("Row %u of the XLSX file refers to a text that does not exist"),
                       scan->row_number);
          return;
        }
      while (scan->cells->len <= (guint) scan->column)
        g_ptr_array_add (scan->cells, g_strdup (""));
      g_free (g_ptr_array_index (scan->cells, scan->column));
      g_ptr_array_index (scan->cells, scan->column) = text;
    }
  else if (g_str_equal (name, "v"))
    scan->in_v = FALSE;
  else
    collector_end (&scan->collector, name);
}

static void
sheet_text (GMarkupParseContext  *context G_GNUC_UNUSED,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error G_GNUC_UNUSED)
{
  SheetScan *scan = user_data;

  if (scan->in_v)
    g_string_append_len (scan->value, text, length);
  else if (scan->collector.in_t)
    g_string_append_len (scan->collector.text, text, length);
}

static gboolean
parse_xlsx (GBytes   *bytes,
            RowSink  *sink,
            GError  **error)
{
  MemoryStream stream = { NULL, 0, 0 };
  unzFile zip;
  g_autofree char *sheet_path = NULL;
  g_autofree char *shared_xml = NULL;
  g_autofree char *sheet_xml = NULL;
  g_autoptr(GPtrArray) shared = g_ptr_array_new_with_free_func (g_free);
  gsize sheet_length = 0;
  gsize shared_length = 0;
  gboolean ok = FALSE;

  stream.data = g_bytes_get_data (bytes, &stream.length);
  zip = open_zip (&stream);
  if (zip == NULL)
    {
      g_propagate_error (error, not_a_file_error ("XLSX"));
      return FALSE;
    }

  sheet_path = first_sheet_path (zip);
  if (sheet_path != NULL)
    sheet_xml = read_part (zip, sheet_path, &sheet_length);
  if (sheet_xml == NULL)
    goto out;

  /* A workbook with no text has no shared strings part. */
  shared_xml = read_part (zip, "xl/sharedStrings.xml", &shared_length);
  if (shared_xml != NULL)
    {
      static const GMarkupParser parser = { shared_start, shared_end, shared_text, NULL, NULL };
      SharedStringsScan scan = { shared, { g_string_new (NULL), FALSE, 0 } };
      gboolean parsed = parse_xml (shared_xml, shared_length, &parser, &scan);

      g_string_free (scan.collector.text, TRUE);
      if (!parsed)
        goto out;
      g_clear_pointer (&shared_xml, g_free);
    }

  {
    static const GMarkupParser parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };
    SheetScan scan = { 0 };
    g_autoptr(GMarkupParseContext) context = NULL;

    scan.shared = shared;
    scan.sink = sink;
    scan.value = g_string_new (NULL);
    scan.collector.text = g_string_new (NULL);
    const char *text = sheet_xml;

    if (sheet_length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
      {
        text += 3;
        sheet_length -= 3;
      }
    context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, &scan, NULL);
    ok = g_markup_parse_context_parse (context, text, sheet_length, &scan.error)
         && g_markup_parse_context_end_parse (context, &scan.error);

    g_clear_pointer (&scan.cells, g_ptr_array_unref);
    g_free (scan.type);
    g_string_free (scan.value, TRUE);
    g_string_free (scan.collector.text, TRUE);
    if (!ok && scan.error != NULL && scan.error->domain == ANJU_ERROR)
      {
        g_propagate_error (error, scan.error);
        unzClose (zip);
        return FALSE;
      }
    g_clear_error (&scan.error);
  }

out:
  unzClose (zip);
  if (!ok)
    g_propagate_error (error, not_a_file_error ("XLSX"));
  return ok;
}

/* ---- the reader ---- */

AnjuTableReader *
anju_table_reader_new (GBytes      *bytes,
                       const char  *format,
                       GError     **error)
{
  g_autoptr(AnjuTableReader) self = NULL;
  RowSink sink;
  gboolean ok;
  Row *header;
  gsize length;
  gconstpointer data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  if (!g_str_equal (format, "csv") && !g_str_equal (format, "xlsx"))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   _("The file format must be csv or xlsx"));
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION, _("The file is empty"));
      return NULL;
    }

  sink_init (&sink);
  if (g_str_equal (format, "csv"))
    ok = parse_csv (data, length, &sink, error);
  else
    ok = parse_xlsx (bytes, &sink, error);
  if (!ok)
    {
      g_array_unref (sink.rows);
      return NULL;
    }
  if (sink.rows->len == 0)
    {
      g_array_unref (sink.rows);
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION, _("The file has no header row"));
      return NULL;
    }

  self = g_new0 (AnjuTableReader, 1);
  header = &g_array_index (sink.rows, Row, 0);
  g_ptr_array_add (header->cells, NULL);
  self->header = (char **) g_ptr_array_free (g_steal_pointer (&header->cells), FALSE);
  g_array_remove_index (sink.rows, 0);
  self->rows = sink.rows;
  return g_steal_pointer (&self);
}

const char * const *
anju_table_reader_get_header (AnjuTableReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->header;
}

int
anju_table_reader_find_column (AnjuTableReader *self,
                               const char      *name)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; self->header[i] != NULL; i++)
    {
      const char *cell = self->header[i];
      gsize n = strlen (name);

      /* Templates may mark required columns with a trailing "*". */
      if (strncmp (cell, name, n) == 0
          && (cell[n] == '\0' || (cell[n] == '*' && cell[n + 1] == '\0')))
        return i;
    }
  return -1;
}

guint
anju_table_reader_get_n_rows (AnjuTableReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

guint
anju_table_reader_get_row_number (AnjuTableReader *self,
                                  guint            row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return g_array_index (self->rows, Row, row).number;
}

const char *
anju_table_reader_get_cell (AnjuTableReader *self,
                            guint            row,
                            int              column)
{
  GPtrArray *cells;

  g_return_val_if_fail (self != NULL, "");
  g_return_val_if_fail (row < self->rows->len, "");

  cells = g_array_index (self->rows, Row, row).cells;
  if (column < 0 || (guint) column >= cells->len)
    return "";
  return g_ptr_array_index (cells, column);
}

void
anju_table_reader_free (AnjuTableReader *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->header);
  g_clear_pointer (&self->rows, g_array_unref);
  g_free (self);
}
