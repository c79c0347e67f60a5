/* anju-record.h: one JSON object from the API as a GObject.
 *
 * List models (GListModel) hold GObjects, so every item of a list
 * endpoint is wrapped in an AnjuRecord.  The getters are defensive: a
 * member that is missing or of another type gives the fallback value
 * instead of a json-glib critical, because the server's answer is input.
 * A record is immutable once made; an edited entity is a new record.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ANJU_TYPE_RECORD (anju_record_get_type ())
G_DECLARE_FINAL_TYPE (AnjuRecord, anju_record, ANJU, RECORD, GObject)

/* Takes a reference on object. */
AnjuRecord  *anju_record_new          (JsonObject  *object);
JsonObject  *anju_record_get_object   (AnjuRecord  *self);

/* "id" member, 0 when missing. */
gint64       anju_record_get_id       (AnjuRecord  *self);
/* NULL when missing, null or not a string. */
const char  *anju_record_get_string   (AnjuRecord  *self,
                                       const char  *member);
gint64       anju_record_get_int      (AnjuRecord  *self,
                                       const char  *member,
                                       gint64       fallback);
gboolean     anju_record_get_boolean  (AnjuRecord  *self,
                                       const char  *member,
                                       gboolean     fallback);
/* NULL unless the member is an object / an array. */
JsonObject  *anju_record_get_member_object (AnjuRecord *self,
                                            const char *member);
JsonArray   *anju_record_get_member_array  (AnjuRecord *self,
                                            const char *member);
/* "organisation.name" style: walks nested objects, NULL on any gap. */
const char  *anju_record_get_path_string   (AnjuRecord *self,
                                            const char *dotted_path);

/* The same defensive getters on a bare JsonObject (object may be NULL),
 * for code that holds a response rather than a record. */
const char  *anju_json_get_string     (JsonObject  *object,
                                       const char  *member);
gint64       anju_json_get_int        (JsonObject  *object,
                                       const char  *member,
                                       gint64       fallback);
gboolean     anju_json_get_boolean    (JsonObject  *object,
                                       const char  *member,
                                       gboolean     fallback);
JsonObject  *anju_json_get_object     (JsonObject  *object,
                                       const char  *member);
JsonArray   *anju_json_get_array      (JsonObject  *object,
                                       const char  *member);

G_END_DECLS
