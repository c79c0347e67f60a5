/* test-trust-store.c: pinned certificates survive a round trip through
 * the key file, and fingerprints read like everyone else's ("AB:CD:…"). */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "anju-error.h"
#include "anju-trust-store.h"
#include "anju-test-dirs.h"

/* Made with `openssl req -x509 -newkey ec …`; the expected fingerprint is
 * what `openssl x509 -noout -fingerprint -sha256` prints for it. */
static const char test_certificate_pem[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIBuTCCAV6gAwIBAgIUEvNrSDrlU63D1hzSDQ/Rxvzv0QkwCgYIKoZIzj0EAwIw\n"
  "KDESMBAGA1UEAwwJMTI3LjAuMC4xMRIwEAYDVQQKDAlBbmp1IHRlc3QwIBcNMjYx\n"
  "MTI5MDkxMTE4WhgPMjEyNjExMDUwOTExMThaMCgxEjAQBgNVBAMMCTEyNy4wLjAu\n"
  "MTESMBAGA1UECgwJQW5qdSB0ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n"
  "2bbPwTHeRuB+BJsCrTlekEtyGxkgyvMEkpRKKZIsOF/VbbJVgS29hBIs12diwQj0\n"
  "Ljk694TRmqxeB9M1HLUNsKNkMGIwHQYDVR0OBBYEFHm5Spz3cel9rRRCOZWH1P3B\n"
  "6tF1MB8GA1UdIwQYMBaAFHm5Spz3cel9rRRCOZWH1P3B6tF1MA8GA1UdEwEB/wQF\n"
  "MAMBAf8wDwYDVR0RBAgwBocEfwAAATAKBggqhkjOPQQDAgNJADBGAiEA7REGQ8p3\n"
  "2//yk0FjG1UO6MMrh8w6JgNiPHoO3kXJXasCIQDCwqxnsZMYqEK1Cv9X2MgVzi99\n"
  "fDLmJ5jnVsN/w3Ixag==\n"
  "-----END CERTIFICATE-----\n";
#define TEST_CERTIFICATE_FINGERPRINT \
  "79:B1:2B:D1:BF:D6:A3:AE:EF:35:01:F3:82:94:5E:8B:97:41:2E:3B:86:E2:97:E2:A6:82:4C:E6:AE:09:A2:CF"

static GTlsCertificate *
load_test_certificate (void)
{
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate = g_tls_certificate_new_from_pem (test_certificate_pem, -1, &error);

  g_assert_no_error (error);
  return certificate;
}

static void
test_fingerprint (void)
{
  g_autoptr(GTlsCertificate) certificate = load_test_certificate ();
  g_autofree char *fingerprint = anju_certificate_get_fingerprint (certificate);

  g_assert_cmpstr (fingerprint, ==, TEST_CERTIFICATE_FINGERPRINT);
}

static void
test_default_path (void)
{
  g_autoptr(AnjuTrustStore) store = anju_trust_store_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_config_dir (), "anju",
                                                "trusted-servers.ini", NULL);

  g_assert_cmpstr (anju_trust_store_get_path (store), ==, expected);
}

static void
test_round_trip (void)
{
  g_autoptr(AnjuTrustStore) store = anju_trust_store_new (NULL);
  g_autoptr(AnjuTrustStore) reader = NULL;
  g_autoptr(GTlsCertificate) certificate = load_test_certificate ();
  g_autoptr(GTlsCertificate) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pem = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;

  anju_test_clear_dirs ();
  g_assert_null (anju_trust_store_lookup (store, "127.0.0.1:8443"));

  g_assert_true (anju_trust_store_pin (store, "127.0.0.1:8443", certificate, &error));
  g_assert_no_error (error);

  /* A second store on the same file sees the pin: nothing is cached. */
  reader = anju_trust_store_new (anju_trust_store_get_path (store));
  pem = anju_trust_store_lookup (reader, "127.0.0.1:8443");
  g_assert_nonnull (pem);
  loaded = g_tls_certificate_new_from_pem (pem, -1, &error);
  g_assert_no_error (error);
  g_assert_true (g_tls_certificate_is_same (loaded, certificate));

  /* Pins are per host and port. */
  missing = anju_trust_store_lookup (reader, "127.0.0.1:9443");
  g_assert_null (missing);

  /* The file names the fingerprint for a person reading it, and only
   * its owner may read or change it. */
  g_assert_true (g_file_get_contents (anju_trust_store_get_path (store), &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, TEST_CERTIFICATE_FINGERPRINT));
  g_assert_cmpint (g_stat (anju_trust_store_get_path (store), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (anju_trust_store_forget (store, "127.0.0.1:8443", &error));
  g_assert_no_error (error);
  g_assert_null (anju_trust_store_lookup (reader, "127.0.0.1:8443"));
  /* Forgetting twice is fine. */
  g_assert_true (anju_trust_store_forget (store, "127.0.0.1:8443", &error));
  g_assert_no_error (error);
}

static void
test_unreadable_pin (void)
{
  g_autoptr(AnjuTrustStore) store = anju_trust_store_new (NULL);
  g_autofree char *dir = g_path_get_dirname (anju_trust_store_get_path (store));
  g_autoptr(GError) error = NULL;
  g_autofree char *pem = NULL;

  anju_test_clear_dirs ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (anju_trust_store_get_path (store),
                                      "[127.0.0.1:8443]\ncertificate=not a certificate\n", -1, &error));
  pem = anju_trust_store_lookup (store, "127.0.0.1:8443");
  g_assert_null (pem);
}

static void
test_key_for_uri (void)
{
  static const struct { const char *uri; const char *key; } cases[] = {
    { "https://127.0.0.1:8443", "127.0.0.1:8443" },
    { "https://anju.example.cn", "anju.example.cn:443" },
    { "https://[::1]:8443", "::1:8443" },
    { "http://127.0.0.1:8443", NULL },
    { "127.0.0.1:8443", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *key = anju_trust_store_key_for_uri (cases[i].uri, &error);

      g_test_message ("%s", cases[i].uri);
      g_assert_cmpstr (key, ==, cases[i].key);
      if (cases[i].key == NULL)
        g_assert_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION);
    }
}

int
main (int   argc,
      char *argv[])
{
  anju_test_isolate_dirs ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/trust-store/fingerprint", test_fingerprint);
  g_test_add_func ("/client/trust-store/default-path", test_default_path);
  g_test_add_func ("/client/trust-store/round-trip", test_round_trip);
  g_test_add_func ("/client/trust-store/unreadable-pin", test_unreadable_pin);
  g_test_add_func ("/client/trust-store/key-for-uri", test_key_for_uri);

  return g_test_run ();
}
