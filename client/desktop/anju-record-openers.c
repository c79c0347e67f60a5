/* anju-record-openers.c: domain → record page, with a fallback. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-error.h"
#include "anju-record-openers.h"

struct _AnjuRecordOpeners
{
  GHashTable       *by_domain;   /* (owned) domain (owned) → AnjuRecordOpener */
  AnjuRecordOpener  fallback;
};

AnjuRecordOpeners *
anju_record_openers_new (AnjuRecordOpener fallback)
{
  AnjuRecordOpeners *self;

  g_return_val_if_fail (fallback != NULL, NULL);

  self = g_new0 (AnjuRecordOpeners, 1);
  self->by_domain = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->fallback = fallback;

  return self;
}

void
anju_record_openers_free (AnjuRecordOpeners *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->by_domain);
  g_free (self);
}

void
anju_record_openers_add (AnjuRecordOpeners *self,
                         const char        *domain,
                         AnjuRecordOpener   opener)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (domain != NULL && *domain != '\0');
  g_return_if_fail (opener != NULL);

  g_hash_table_replace (self->by_domain, g_strdup (domain), opener);
}

AnjuRecordOpener
anju_record_openers_lookup (AnjuRecordOpeners *self,
                            const char        *domain)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (domain == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_domain, domain);
}

gboolean
anju_record_openers_open (AnjuRecordOpeners  *self,
                          gpointer            window,
                          const char         *domain,
                          gint64              record_id,
                          gint64              instance_id,
                          GError            **error)
{
  AnjuRecordOpener opener;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The parameters come from server answers and other pages: input. */
  if (domain == NULL || *domain == '\0' || record_id < 0 || instance_id < 0)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                           _("This link does not name a record."));
      return FALSE;
    }

  opener = anju_record_openers_lookup (self, domain);
  if (opener != NULL)
    {
      opener (window, domain, record_id, instance_id);
      return TRUE;
    }

  /* Without a page of its own a record is shown through its process;
   * a record that has none cannot be shown yet. */
  if (instance_id == 0)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND,
                   /* Translators: %1$s is a business domain id, such as "pubrent" */
                   _("No page shows records of “%1$s” yet."), domain);
      return FALSE;
    }

  self->fallback (window, domain, record_id, instance_id);
  return TRUE;
}
