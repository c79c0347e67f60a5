/* anju-test-json.h: reading API answers in tests.
 *
 * Paths are dotted member names with array indices as numbers:
 * "user.organisation.kind", "items.0.id", "error.fields.phone".  A getter
 * on a path that is missing or of another type fails the test with the
 * whole answer printed, so a test never reads a default by accident.
 *
 * The assertion macros print the answer when the status is not the one
 * expected, which is what one needs to see when a server test fails.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* (nullable) (transfer none): the node at path, or NULL. */
JsonNode   *anju_test_json_lookup      (JsonNode   *root,
                                        const char *path);
gboolean    anju_test_json_has         (JsonNode   *root,
                                        const char *path);
gboolean    anju_test_json_is_null     (JsonNode   *root,
                                        const char *path);
const char *anju_test_json_string      (JsonNode   *root,
                                        const char *path);
gint64      anju_test_json_int         (JsonNode   *root,
                                        const char *path);
gboolean    anju_test_json_bool        (JsonNode   *root,
                                        const char *path);
/* Length of the array at path. */
guint       anju_test_json_length      (JsonNode   *root,
                                        const char *path);
/* TRUE when the array at path holds the string value. */
gboolean    anju_test_json_array_has_string (JsonNode   *root,
                                             const char *path,
                                             const char *value);
/* Index of the first object in the array at path whose member equals
 * value (compared as text, so ids work too), or -1. */
int         anju_test_json_find        (JsonNode   *root,
                                        const char *array_path,
                                        const char *member,
                                        const char *value);
char       *anju_test_json_to_string   (JsonNode   *node);

void        anju_test_assert_status_impl (const char *file,
                                          int         line,
                                          const char *func,
                                          guint       status,
                                          guint       expected,
                                          JsonNode   *reply);
void        anju_test_assert_error_impl  (const char *file,
                                          int         line,
                                          const char *func,
                                          guint       status,
                                          JsonNode   *reply,
                                          guint       expected_status,
                                          const char *expected_code);

#define anju_assert_status(status, expected, reply) \
  anju_test_assert_status_impl (__FILE__, __LINE__, G_STRFUNC, (status), (expected), (reply))

/* Status plus {"error":{"code": expected_code}}. */
#define anju_assert_error(status, reply, expected_status, expected_code) \
  anju_test_assert_error_impl (__FILE__, __LINE__, G_STRFUNC, (status), (reply), \
                               (expected_status), (expected_code))

G_END_DECLS
