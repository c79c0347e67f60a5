/* anju-import-report.c: the answer of every import.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-import-report.h"

struct _AnjuImportReport
{
  guint      rows;
  guint      valid;
  guint      imported;
  JsonArray *errors;
  JsonArray *preview;
};

AnjuImportReport *
anju_import_report_new (void)
{
  AnjuImportReport *self = g_new0 (AnjuImportReport, 1);

  self->errors = json_array_new ();
  self->preview = json_array_new ();
  return self;
}

void
anju_import_report_add_error (AnjuImportReport *self,
                              guint             row,
                              const char       *column,
                              const char       *reason)
{
  JsonObject *error;

  g_return_if_fail (self != NULL);
  g_return_if_fail (reason != NULL);

  error = json_object_new ();
  json_object_set_int_member (error, "row", row);
  if (column != NULL)
    json_object_set_string_member (error, "column", column);
  else
    json_object_set_null_member (error, "column");
  json_object_set_string_member (error, "reason", reason);
  json_array_add_object_element (self->errors, error);
}

void
anju_import_report_add_valid (AnjuImportReport *self,
                              JsonNode         *preview_row)
{
  g_return_if_fail (self != NULL);

  self->valid++;
  if (preview_row == NULL)
    return;
  if (json_array_get_length (self->preview) < ANJU_IMPORT_PREVIEW_MAX)
    json_array_add_element (self->preview, preview_row);
  else
    json_node_unref (preview_row);
}

void
anju_import_report_set_imported (AnjuImportReport *self,
                                 guint             n)
{
  g_return_if_fail (self != NULL);

  self->imported = n;
}

void
anju_import_report_set_rows (AnjuImportReport *self,
                             guint             n)
{
  g_return_if_fail (self != NULL);

  self->rows = n;
}

guint
anju_import_report_get_n_errors (AnjuImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return json_array_get_length (self->errors);
}

guint
anju_import_report_get_n_valid (AnjuImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->valid;
}

JsonNode *
anju_import_report_to_json (AnjuImportReport *self)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (self != NULL, NULL);

  object = json_object_new ();
  json_object_set_int_member (object, "rows", self->rows);
  json_object_set_int_member (object, "valid", self->valid);
  json_object_set_int_member (object, "imported", self->imported);
  json_object_set_array_member (object, "errors", json_array_ref (self->errors));
  json_object_set_array_member (object, "preview", json_array_ref (self->preview));
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

void
anju_import_report_free (AnjuImportReport *self)
{
  if (self == NULL)
    return;

  json_array_unref (self->errors);
  json_array_unref (self->preview);
  g_free (self);
}
