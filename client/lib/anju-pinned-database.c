/* anju-pinned-database.c: one-anchor certificate verification.
 *
 * Why not accept-certificate: that signal only runs when normal
 * validation already failed, so a certificate chaining to a system CA
 * would get through unseen.  Why not g_tls_file_database_new(): it needs
 * the PEM on disk.  A database subclass sees every chain.
 */
#include "config.h"

#include "anju-pinned-database.h"

struct _AnjuPinnedDatabase
{
  GTlsDatabase parent_instance;

  GTlsCertificate *pinned;      /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (AnjuPinnedDatabase, anju_pinned_database, G_TYPE_TLS_DATABASE)

static GTlsCertificateFlags
anju_pinned_database_verify_chain (GTlsDatabase             *database,
                                   GTlsCertificate          *chain,
                                   const char               *purpose,
                                   GSocketConnectable       *identity,
                                   GTlsInteraction          *interaction,
                                   GTlsDatabaseVerifyFlags   flags,
                                   GCancellable             *cancellable,
                                   GError                  **error)
{
  AnjuPinnedDatabase *self = ANJU_PINNED_DATABASE (database);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return G_TLS_CERTIFICATE_GENERIC_ERROR;

  if (self->pinned == NULL || !g_tls_certificate_is_same (chain, self->pinned))
    return G_TLS_CERTIFICATE_UNKNOWN_CA;

  /* The leaf is the pinned certificate itself, so it is its own anchor;
   * this adds the checks a pin does not replace: validity period and the
   * host name the user typed. */
  return g_tls_certificate_verify (chain, identity, self->pinned);
}

/* The lookups serve chain building and client certificates; a single
 * pinned leaf has neither issuers nor handles to offer. */
static GTlsCertificate *
anju_pinned_database_lookup_certificate_issuer (GTlsDatabase             *database,
                                                GTlsCertificate          *certificate,
                                                GTlsInteraction          *interaction,
                                                GTlsDatabaseLookupFlags   flags,
                                                GCancellable             *cancellable,
                                                GError                  **error)
{
  return NULL;
}

static GList *
anju_pinned_database_lookup_certificates_issued_by (GTlsDatabase             *database,
                                                    GByteArray               *issuer_raw_dn,
                                                    GTlsInteraction          *interaction,
                                                    GTlsDatabaseLookupFlags   flags,
                                                    GCancellable             *cancellable,
                                                    GError                  **error)
{
  return NULL;
}

static char *
anju_pinned_database_create_certificate_handle (GTlsDatabase    *database,
                                                GTlsCertificate *certificate)
{
  return NULL;
}

static GTlsCertificate *
anju_pinned_database_lookup_certificate_for_handle (GTlsDatabase             *database,
                                                    const char               *handle,
                                                    GTlsInteraction          *interaction,
                                                    GTlsDatabaseLookupFlags   flags,
                                                    GCancellable             *cancellable,
                                                    GError                  **error)
{
  return NULL;
}

static void
anju_pinned_database_finalize (GObject *object)
{
  AnjuPinnedDatabase *self = ANJU_PINNED_DATABASE (object);

  g_clear_object (&self->pinned);

  G_OBJECT_CLASS (anju_pinned_database_parent_class)->finalize (object);
}

static void
anju_pinned_database_class_init (AnjuPinnedDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GTlsDatabaseClass *database_class = G_TLS_DATABASE_CLASS (klass);

  object_class->finalize = anju_pinned_database_finalize;

  database_class->verify_chain = anju_pinned_database_verify_chain;
  database_class->lookup_certificate_issuer = anju_pinned_database_lookup_certificate_issuer;
  database_class->lookup_certificates_issued_by = anju_pinned_database_lookup_certificates_issued_by;
  database_class->create_certificate_handle = anju_pinned_database_create_certificate_handle;
  database_class->lookup_certificate_for_handle = anju_pinned_database_lookup_certificate_for_handle;
}

static void
anju_pinned_database_init (AnjuPinnedDatabase *self)
{
}

GTlsDatabase *
anju_pinned_database_new (GTlsCertificate *pinned)
{
  AnjuPinnedDatabase *self;

  g_return_val_if_fail (pinned == NULL || G_IS_TLS_CERTIFICATE (pinned), NULL);

  self = g_object_new (ANJU_TYPE_PINNED_DATABASE, NULL);
  g_set_object (&self->pinned, pinned);
  return G_TLS_DATABASE (self);
}
