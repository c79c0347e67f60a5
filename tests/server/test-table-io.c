/* test-table-io.c: the table reader and writer every import and export
 * shares: CSV quoting, BOM and line ends; XLSX written by the writer and
 * read back by the reader; files that are not tables.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <zlib.h>

#include "anju-error.h"
#include "anju-table-reader.h"
#include "anju-table-writer.h"
#include "anju-test-server.h"

static AnjuTableReader *
read_text (const char  *text,
           const char  *format,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return anju_table_reader_new (bytes, format, error);
}

static void
test_csv_quoting (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuTableReader) reader =
    read_text ("房屋编号,备注,月租金\n"
               "A-101,\"带逗号, 和 \"\"引号\"\"\",1200.00\n"
               "A-102,\"两行\n说明\",  900 \n",
               "csv", &error);

  g_assert_no_error (error);
  g_assert_cmpstrv (anju_table_reader_get_header (reader),
                    ((const char * const[]) { "房屋编号", "备注", "月租金", NULL }));
  g_assert_cmpuint (anju_table_reader_get_n_rows (reader), ==, 2);
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 0, 1), ==, "带逗号, 和 \"引号\"");
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 1, 1), ==, "两行\n说明");
  /* Cells are trimmed. */
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 1, 2), ==, "900");
  g_assert_cmpuint (anju_table_reader_get_row_number (reader, 0), ==, 2);
  g_assert_cmpuint (anju_table_reader_get_row_number (reader, 1), ==, 3);
  g_assert_cmpint (anju_table_reader_find_column (reader, "月租金"), ==, 2);
  g_assert_cmpint (anju_table_reader_find_column (reader, "朝向"), ==, -1);
  /* Past the row's end and for a missing column: "". */
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 0, 7), ==, "");
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 0, -1), ==, "");
}

static void
test_csv_bom_crlf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuTableReader) reader =
    read_text ("\xEF\xBB\xBF" "编号,名称\r\n"
               "1,甲\r\n"
               ",\r\n"
               "\r\n"
               "3,丙",
               "csv", &error);

  g_assert_no_error (error);
  /* The BOM is not part of the first header. */
  g_assert_cmpint (anju_table_reader_find_column (reader, "编号"), ==, 0);
  g_assert_cmpuint (anju_table_reader_get_n_rows (reader), ==, 2);
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 0, 1), ==, "甲");
  /* Empty rows 3 and 4 are skipped but keep their numbers. */
  g_assert_cmpuint (anju_table_reader_get_row_number (reader, 1), ==, 5);
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 1, 1), ==, "丙");
}

static void
test_csv_errors (void)
{
  static const char *const broken[] = {
    "",                          /* empty */
    "\r\n , \r\n",               /* no header */
    "a,b\n\"open,1\n",           /* unterminated quote */
    "a,b\n\xff\xfe\x00\x01",     /* not UTF-8 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_bytes_new (broken[i], i == 3 ? 8 : strlen (broken[i]));
      g_autoptr(AnjuTableReader) reader = anju_table_reader_new (bytes, "csv", &error);

      g_assert_null (reader);
      g_assert_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION);
    }
}

static void
test_csv_write (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuTableWriter) writer = anju_table_writer_new ("csv", "房源", &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AnjuTableReader) reader = NULL;
  const char *header[] = { "编号", "说明", "金额" };
  const char *row[] = { "A,1", "他说\"好\"\n第二行", NULL };
  gsize length;
  const char *data;

  g_assert_no_error (error);
  g_assert_cmpstr (anju_table_writer_get_extension (writer), ==, "csv");
  g_assert_cmpstr (anju_table_writer_get_content_type (writer), ==, "text/csv; charset=utf-8");
  anju_table_writer_add_row (writer, header, 3);
  anju_table_writer_add_row (writer, row, 3);
  bytes = anju_table_writer_finish (writer, &error);
  g_assert_no_error (error);

  data = g_bytes_get_data (bytes, &length);
  g_assert_cmpmem (data, length,
                   "\xEF\xBB\xBF" "编号,说明,金额\r\n\"A,1\",\"他说\"\"好\"\"\n第二行\",\r\n",
                   strlen ("\xEF\xBB\xBF" "编号,说明,金额\r\n\"A,1\",\"他说\"\"好\"\"\n第二行\",\r\n"));

  reader = anju_table_reader_new (bytes, "csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 0, 0), ==, "A,1");
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 0, 1), ==, "他说\"好\"\n第二行");
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 0, 2), ==, "");
}

static void
test_xlsx_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuTableWriter) writer = anju_table_writer_new ("xlsx", "房源[导出]", &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AnjuTableReader) reader = NULL;
  const char *header[] = { "房屋编号", "楼栋", "单元", "建筑面积", "月租金" };
  const char *row1[] = { "YL-1-101", "1栋", NULL, "65.50", "1200.00" };
  const char *empty[] = { "", NULL, "" };
  const char *row3[] = { "YL-1-102", "1栋", "2单元", "88", "<&>" };

  g_assert_no_error (error);
  g_assert_cmpstr (anju_table_writer_get_extension (writer), ==, "xlsx");
  anju_table_writer_add_row (writer, header, G_N_ELEMENTS (header));
  anju_table_writer_add_row (writer, row1, G_N_ELEMENTS (row1));
  anju_table_writer_add_row (writer, empty, G_N_ELEMENTS (empty));
  anju_table_writer_add_row (writer, row3, G_N_ELEMENTS (row3));
  bytes = anju_table_writer_finish (writer, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 2, "PK", 2);

  reader = anju_table_reader_new (bytes, "xlsx", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (anju_table_reader_get_header (reader),
                    ((const char * const[]) { "房屋编号", "楼栋", "单元", "建筑面积", "月租金", NULL }));
  g_assert_cmpuint (anju_table_reader_get_n_rows (reader), ==, 2);
  g_assert_cmpuint (anju_table_reader_get_row_number (reader, 0), ==, 2);
  /* The empty cell keeps the columns after it in place. */
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 0, 2), ==, "");
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 0, 3), ==, "65.50");
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 0, 4), ==, "1200.00");
  /* Row 3 was empty: skipped, numbering kept. */
  g_assert_cmpuint (anju_table_reader_get_row_number (reader, 1), ==, 4);
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 1, 2), ==, "2单元");
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 1, 4), ==, "<&>");
}

/* A minimal workbook as Excel writes it by hand: numbers, an inline
 * string, shared strings with rich runs and a phonetic run, and a gap
 * between cells, stored without compression. */
static GBytes *
make_zip (const char * const *names,
          const char * const *contents,
          guint                n)
{
  GByteArray *out = g_byte_array_new ();
  GByteArray *directory = g_byte_array_new ();
  guint32 offsets[8];

  g_assert_cmpuint (n, <=, G_N_ELEMENTS (offsets));
  for (guint i = 0; i < n; i++)
    {
      guint32 crc = crc32 (0, (const Bytef *) contents[i], strlen (contents[i]));
      guint32 size = strlen (contents[i]);
      guint16 name_length = strlen (names[i]);
      guint8 local[30] = { 'P', 'K', 3, 4, 10, 0 };
      guint8 central[46] = { 'P', 'K', 1, 2, 20, 0, 10, 0 };

      offsets[i] = out->len;
      memcpy (local + 14, &crc, 4);
      memcpy (local + 18, &size, 4);
      memcpy (local + 22, &size, 4);
      memcpy (local + 26, &name_length, 2);
      g_byte_array_append (out, local, sizeof local);
      g_byte_array_append (out, (const guint8 *) names[i], name_length);
      g_byte_array_append (out, (const guint8 *) contents[i], size);

      memcpy (central + 16, &crc, 4);
      memcpy (central + 20, &size, 4);
      memcpy (central + 24, &size, 4);
      memcpy (central + 28, &name_length, 2);
      memcpy (central + 42, &offsets[i], 4);
      g_byte_array_append (directory, central, sizeof central);
      g_byte_array_append (directory, (const guint8 *) names[i], name_length);
    }

  {
    guint8 end[22] = { 'P', 'K', 5, 6 };
    guint16 count = n;
    guint32 dir_size = directory->len;
    guint32 dir_offset = out->len;

    memcpy (end + 8, &count, 2);
    memcpy (end + 10, &count, 2);
    memcpy (end + 12, &dir_size, 4);
    memcpy (end + 16, &dir_offset, 4);
    g_byte_array_append (out, directory->data, directory->len);
    g_byte_array_append (out, end, sizeof end);
  }
  g_byte_array_unref (directory);
  return g_byte_array_free_to_bytes (out);
}

static void
test_xlsx_foreign (void)
{
  const char *names[] = {
    "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
    "xl/worksheets/data.xml",
  };
  const char *contents[] = {
    "<?xml version=\"1.0\"?><workbook xmlns:r=\"urn:r\"><sheets>"
    "<sheet name=\"房源\" sheetId=\"1\" r:id=\"rId7\"/><sheet name=\"b\" sheetId=\"2\" r:id=\"rId8\"/>"
    "</sheets></workbook>",
    "<Relationships><Relationship Id=\"rId8\" Target=\"worksheets/other.xml\"/>"
    "<Relationship Id=\"rId7\" Target=\"/xl/worksheets/data.xml\"/></Relationships>",
    "<sst><si><t>编号</t></si><si><r><t>月</t></r><r><t>租金</t></r>"
    "<rPh><t>yuezujin</t></rPh></si></sst>",
    "<worksheet><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c></row>"
    "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t> 安居 </t></is></c>"
    "<c r=\"C4\"><v>1199.9999999999998</v></c></row>"
    "</sheetData></worksheet>",
  };
  g_autoptr(GBytes) bytes = make_zip (names, contents, G_N_ELEMENTS (names));
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuTableReader) reader = anju_table_reader_new (bytes, "xlsx", &error);

  g_assert_no_error (error);
  g_assert_cmpint (anju_table_reader_find_column (reader, "编号"), ==, 0);
  g_assert_cmpint (anju_table_reader_find_column (reader, "月租金"), ==, 2);
  g_assert_cmpuint (anju_table_reader_get_n_rows (reader), ==, 1);
  g_assert_cmpuint (anju_table_reader_get_row_number (reader, 0), ==, 4);
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 0, 0), ==, "安居");
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 0, 1), ==, "");
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 0, 2), ==, "1200");
}

static void
test_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  guint8 junk[512];

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = g_rand_int_range (rand, 0, 256);

  for (guint i = 0; i < 2; i++)
    {
      const char *format = i == 0 ? "xlsx" : "csv";
      g_autoptr(GBytes) bytes = g_bytes_new (junk, sizeof junk);
      g_autoptr(GError) error = NULL;
      g_autoptr(AnjuTableReader) reader = anju_table_reader_new (bytes, format, &error);

      g_assert_null (reader);
      g_assert_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION);
    }

  /* A CSV file is not an XLSX file, and an unknown format is refused. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AnjuTableReader) reader = read_text ("a,b\n1,2\n", "xlsx", &error);

    g_assert_null (reader);
    g_assert_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION);
    g_clear_error (&error);
    g_assert_null (read_text ("a,b\n", "ods", &error));
    g_assert_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION);
    g_clear_error (&error);
    g_assert_null (anju_table_writer_new ("pdf", NULL, &error));
    g_assert_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION);
  }
}

int
main (int argc, char **argv)
{
  anju_test_init (&argc, &argv);

  g_test_add_func ("/table-io/csv/quoting", test_csv_quoting);
  g_test_add_func ("/table-io/csv/bom-crlf-empty-rows", test_csv_bom_crlf);
  g_test_add_func ("/table-io/csv/errors", test_csv_errors);
  g_test_add_func ("/table-io/csv/write", test_csv_write);
  g_test_add_func ("/table-io/xlsx/round-trip", test_xlsx_round_trip);
  g_test_add_func ("/table-io/xlsx/foreign-workbook", test_xlsx_foreign);
  g_test_add_func ("/table-io/garbage", test_garbage);
  return g_test_run ();
}
