/* anju-file-type.c: recognising the accepted file types by their bytes.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-file-type.h"

const char * const anju_file_types[] = {
  ANJU_FILE_TYPE_PDF,
  ANJU_FILE_TYPE_JPEG,
  ANJU_FILE_TYPE_PNG,
  ANJU_FILE_TYPE_DOC,
  ANJU_FILE_TYPE_DOCX,
  ANJU_FILE_TYPE_XLS,
  ANJU_FILE_TYPE_XLSX,
  NULL
};

/* Little-endian reads that fail rather than read past the end. */
static gboolean
read_u16 (const guint8 *data,
          gsize         length,
          gsize         offset,
          guint        *out)
{
  if (offset > length || length - offset < 2)
    return FALSE;
  *out = data[offset] | (guint) data[offset + 1] << 8;
  return TRUE;
}

static gboolean
read_u32 (const guint8 *data,
          gsize         length,
          gsize         offset,
          guint32      *out)
{
  if (offset > length || length - offset < 4)
    return FALSE;
  *out = data[offset] | (guint32) data[offset + 1] << 8 | (guint32) data[offset + 2] << 16
         | (guint32) data[offset + 3] << 24;
  return TRUE;
}

static gboolean
starts_with (const guint8 *data,
             gsize         length,
             const char   *magic,
             gsize         magic_length)
{
  return length >= magic_length && memcmp (data, magic, magic_length) == 0;
}

/* ---- OLE2 compound files (.doc, .xls) ---------------------------------
 *
 * [MS-CFB]: a 512-byte header, then sectors of 2^shift bytes; sector n
 * starts at (n + 1) << shift.  The FAT chains sectors; the header lists
 * the first 109 FAT sectors, the DIFAT chain the rest.  The directory is
 * a chain of 128-byte entries, each with a UTF-16LE name.
 */

#define CFB_END_OF_CHAIN 0xFFFFFFFEu
#define CFB_HEADER_DIFAT 109
#define CFB_DIR_ENTRY_SIZE 128
#define CFB_STREAM 2

typedef struct
{
  const guint8 *data;
  gsize         length;
  guint         shift;        /* 9 or 12 */
  gsize         n_sectors;    /* whole or partial sectors after the header */
} Cfb;

static gsize
cfb_sector_offset (const Cfb *cfb,
                   guint32    sector)
{
  return ((gsize) sector + 1) << cfb->shift;
}

/* The sector number of the index-th FAT sector. */
static gboolean
cfb_fat_sector (const Cfb *cfb,
                guint32    index,
                guint32   *out)
{
  guint32 per_difat = (1u << cfb->shift) / 4 - 1;
  guint32 difat;

  if (index < CFB_HEADER_DIFAT)
    return read_u32 (cfb->data, cfb->length, 76 + 4 * (gsize) index, out);

  index -= CFB_HEADER_DIFAT;
  if (!read_u32 (cfb->data, cfb->length, 68, &difat))
    return FALSE;
  /* Each DIFAT sector lists per_difat FAT sectors, then the next one. */
  for (gsize hops = 0; index >= per_difat; hops++)
    {
      if (hops > cfb->n_sectors || difat >= cfb->n_sectors
          || !read_u32 (cfb->data, cfb->length,
                        cfb_sector_offset (cfb, difat) + 4 * (gsize) per_difat, &difat))
        return FALSE;
      index -= per_difat;
    }
  return difat < cfb->n_sectors
         && read_u32 (cfb->data, cfb->length, cfb_sector_offset (cfb, difat) + 4 * (gsize) index,
                      out);
}

static gboolean
cfb_next_sector (const Cfb *cfb,
                 guint32    sector,
                 guint32   *out)
{
  guint32 per_fat = (1u << cfb->shift) / 4;
  guint32 fat_sector;

  return cfb_fat_sector (cfb, sector / per_fat, &fat_sector)
         && fat_sector < cfb->n_sectors
         && read_u32 (cfb->data, cfb->length,
                      cfb_sector_offset (cfb, fat_sector) + 4 * (gsize) (sector % per_fat), out);
}

/* Compares a directory entry's UTF-16LE name with an ASCII one,
 * ignoring case as [MS-CFB] does. */
static gboolean
cfb_entry_is (const guint8 *entry,
              const char   *name)
{
  gsize n = strlen (name);
  guint name_bytes = entry[64] | (guint) entry[65] << 8;

  if (name_bytes != (n + 1) * 2)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (entry[2 * i + 1] != 0 || g_ascii_tolower (entry[2 * i]) != g_ascii_tolower (name[i]))
      return FALSE;
  return TRUE;
}

/* Walks the directory chain and names the type its streams make it. */
static const char *
cfb_type_of_directory (const Cfb *cfb,
                       guint32    first)
{
  gsize sector_size = (gsize) 1 << cfb->shift;
  guint32 sector = first;
  gboolean workbook = FALSE;

  for (gsize hops = 0; sector != CFB_END_OF_CHAIN; hops++)
    {
      gsize offset = cfb_sector_offset (cfb, sector);

      if (hops > cfb->n_sectors || sector >= cfb->n_sectors || offset + sector_size > cfb->length)
        break;
      for (gsize at = 0; at < sector_size; at += CFB_DIR_ENTRY_SIZE)
        {
          const guint8 *entry = cfb->data + offset + at;

          if (entry[66] != CFB_STREAM)
            continue;
          if (cfb_entry_is (entry, "WordDocument"))
            return ANJU_FILE_TYPE_DOC;
          if (cfb_entry_is (entry, "Workbook") || cfb_entry_is (entry, "Book"))
            workbook = TRUE;
        }
      if (!cfb_next_sector (cfb, sector, &sector))
        break;
    }
  return workbook ? ANJU_FILE_TYPE_XLS : NULL;
}

static const char *
sniff_compound_file (const guint8 *data,
                     gsize         length)
{
  static const char magic[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  Cfb cfb = { data, length, 0, 0 };
  guint shift;
  guint32 first_directory;

  if (!starts_with (data, length, magic, sizeof magic - 1)
      || !read_u16 (data, length, 30, &shift) || (shift != 9 && shift != 12)
      || !read_u32 (data, length, 48, &first_directory) || length < 512)
    return NULL;

  cfb.shift = shift;
  cfb.n_sectors = (length - 1) / ((gsize) 1 << shift);
  return cfb_type_of_directory (&cfb, first_directory);
}

/* ---- ZIP archives (.docx, .xlsx) -------------------------------------
 *
 * APPNOTE.TXT: the end-of-central-directory record (22 bytes plus a
 * comment of at most 65535) gives where the central directory starts and
 * how many entries it has; each entry is 46 bytes plus its name, extra
 * field and comment.
 */

#define ZIP_EOCD_SIZE 22
#define ZIP_MAX_COMMENT 65535
#define ZIP_ENTRY_SIZE 46

static gboolean
zip_find_directory (const guint8 *data,
                    gsize         length,
                    guint32      *out_offset,
                    guint        *out_entries)
{
  gsize lowest;

  if (length < ZIP_EOCD_SIZE)
    return FALSE;
  lowest = length - ZIP_EOCD_SIZE > ZIP_MAX_COMMENT ? length - ZIP_EOCD_SIZE - ZIP_MAX_COMMENT : 0;
  for (gsize at = length - ZIP_EOCD_SIZE + 1; at-- > lowest;)
    if (memcmp (data + at, "PK\x05\x06", 4) == 0)
      return read_u16 (data, length, at + 10, out_entries)
             && read_u32 (data, length, at + 16, out_offset);
  return FALSE;
}

static gboolean
has_prefix_n (const guint8 *name,
              gsize         name_length,
              const char   *prefix)
{
  gsize n = strlen (prefix);

  return name_length >= n && memcmp (name, prefix, n) == 0;
}

static const char *
sniff_zip (const guint8 *data,
           gsize         length)
{
  gboolean content_types = FALSE, word = FALSE, xl = FALSE;
  guint32 offset;
  guint entries;

  if (!starts_with (data, length, "PK\x03\x04", 4)
      || !zip_find_directory (data, length, &offset, &entries))
    return NULL;

  for (guint i = 0; i < entries; i++)
    {
      guint name_length, extra_length, comment_length;
      const guint8 *name;

      if (offset > length || length - offset < ZIP_ENTRY_SIZE
          || memcmp (data + offset, "PK\x01\x02", 4) != 0
          || !read_u16 (data, length, offset + 28, &name_length)
          || !read_u16 (data, length, offset + 30, &extra_length)
          || !read_u16 (data, length, offset + 32, &comment_length)
          || length - offset - ZIP_ENTRY_SIZE < name_length)
        return NULL;

      name = data + offset + ZIP_ENTRY_SIZE;
      content_types |= name_length == strlen ("[Content_Types].xml")
                       && has_prefix_n (name, name_length, "[Content_Types].xml");
      word |= has_prefix_n (name, name_length, "word/");
      xl |= has_prefix_n (name, name_length, "xl/");
      offset += ZIP_ENTRY_SIZE + name_length + extra_length + comment_length;
    }

  if (!content_types || word == xl)
    return NULL;
  return word ? ANJU_FILE_TYPE_DOCX : ANJU_FILE_TYPE_XLSX;
}

gboolean
anju_file_type_is_accepted (const char *content_type)
{
  return content_type != NULL && g_strv_contains (anju_file_types, content_type);
}

const char *
anju_file_type_sniff (const guint8 *data,
                      gsize         length)
{
  if (starts_with (data, length, "%PDF-", 5))
    return ANJU_FILE_TYPE_PDF;
  if (starts_with (data, length, "\xFF\xD8\xFF", 3))
    return ANJU_FILE_TYPE_JPEG;
  if (starts_with (data, length, "\x89PNG\r\n\x1A\n", 8))
    return ANJU_FILE_TYPE_PNG;
  if (starts_with (data, length, "PK\x03\x04", 4))
    return sniff_zip (data, length);
  return sniff_compound_file (data, length);
}
