/* anju-file-access.c: the registry of file readers.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-file-access.h"

typedef struct
{
  AnjuFileReader reader;
  gpointer       user_data;
  GDestroyNotify destroy;
} Reader;

struct _AnjuFileAccess
{
  GObject  parent_instance;

  GArray  *readers;   /* (owned) of Reader */
};

G_DEFINE_FINAL_TYPE (AnjuFileAccess, anju_file_access, G_TYPE_OBJECT)

static void
clear_reader (gpointer data)
{
  Reader *reader = data;

  if (reader->destroy != NULL)
    reader->destroy (reader->user_data);
}

static void
anju_file_access_finalize (GObject *object)
{
  AnjuFileAccess *self = ANJU_FILE_ACCESS (object);

  g_clear_pointer (&self->readers, g_array_unref);

  G_OBJECT_CLASS (anju_file_access_parent_class)->finalize (object);
}

static void
anju_file_access_class_init (AnjuFileAccessClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = anju_file_access_finalize;
}

static void
anju_file_access_init (AnjuFileAccess *self)
{
  self->readers = g_array_new (FALSE, TRUE, sizeof (Reader));
  g_array_set_clear_func (self->readers, clear_reader);
}

AnjuFileAccess *
anju_file_access_get (AnjuServer *server)
{
  AnjuFileAccess *self;

  g_return_val_if_fail (ANJU_IS_SERVER (server), NULL);

  self = anju_server_get_service (server, ANJU_FILE_ACCESS_SERVICE);
  if (self == NULL)
    {
      g_autoptr(AnjuFileAccess) made = g_object_new (ANJU_TYPE_FILE_ACCESS, NULL);

      anju_server_set_service (server, ANJU_FILE_ACCESS_SERVICE, made);
      self = made;
    }
  return self;
}

void
anju_file_access_add_reader (AnjuFileAccess *self,
                             AnjuFileReader  reader,
                             gpointer        user_data,
                             GDestroyNotify  destroy)
{
  Reader entry = { reader, user_data, destroy };

  g_return_if_fail (ANJU_IS_FILE_ACCESS (self));
  g_return_if_fail (reader != NULL);

  g_array_append_val (self->readers, entry);
}

gboolean
anju_file_access_may_read (AnjuFileAccess     *self,
                           AnjuDb             *db,
                           const AnjuCaller   *caller,
                           const AnjuFileInfo *file,
                           gboolean           *out_may_read,
                           GError            **error)
{
  g_return_val_if_fail (ANJU_IS_FILE_ACCESS (self), FALSE);

  *out_may_read = file->uploaded_by == caller->user_id;
  for (guint i = 0; i < self->readers->len && !*out_may_read; i++)
    {
      Reader *entry = &g_array_index (self->readers, Reader, i);

      if (!entry->reader (db, caller, file->id, out_may_read, entry->user_data, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
anju_file_access_load (AnjuFileAccess   *self,
                       AnjuDb           *db,
                       const AnjuCaller *caller,
                       gint64            id,
                       AnjuFileInfo     *out_info,
                       GError          **error)
{
  g_auto(AnjuFileInfo) info = { 0, };
  gboolean may_read = FALSE;

  if (!anju_file_store_load (db, id, &info, error)
      || !anju_file_access_may_read (self, db, caller, &info, &may_read, error))
    return FALSE;
  if (!may_read)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND, _("No such file"));
      return FALSE;
    }
  *out_info = info;
  info = (AnjuFileInfo) { 0, };
  return TRUE;
}
