/* anju-terminal-input.c: reading and checking a registry body.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-phone.h"
#include "anju-terminal-input.h"
#include "anju-terminal-store.h"
#include "anju-validation.h"

#define TERMINAL_FIELDS(required) \
  { "sn", ANJU_FIELD_STRING, required, NULL, 64, "Serial number: letters, digits and \"-\"" }, \
  { "terminal_no", ANJU_FIELD_STRING, required, NULL, 32, "Terminal number" }, \
  { "name", ANJU_FIELD_STRING, required, NULL, 100, "Name" }, \
  { "person_in_charge", ANJU_FIELD_STRING, required, NULL, 100, "Person in charge" }, \
  { "person_phone", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 20, \
    "Mobile number of the person in charge" }, \
  { "org_id", ANJU_FIELD_INT, required, NULL, 0, "The street or community it serves" }, \
  { "location", ANJU_FIELD_STRING, required, NULL, 100, "Where it stands" }, \
  { "network", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 100, "Network (WiFi account)" }, \
  { "model", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 100, "Terminal model" }, \
  { "peripherals", ANJU_FIELD_OBJECT, ANJU_FIELD_OPTIONAL, NULL, 0, \
    "Configured peripherals: camera, fingerprint, id_reader, printer, each " \
    "{\"enabled\",\"model\"}" }

const AnjuFieldSpec anju_terminal_create_body[] = {
  TERMINAL_FIELDS (ANJU_FIELD_REQUIRED),
  { NULL }
};

const AnjuFieldSpec anju_terminal_update_body[] = {
  TERMINAL_FIELDS (ANJU_FIELD_OPTIONAL),
  { NULL }
};

void
anju_terminal_input_clear (AnjuTerminalInput *input)
{
  g_clear_pointer (&input->sn, g_free);
  g_clear_pointer (&input->terminal_no, g_free);
  g_clear_pointer (&input->name, g_free);
  g_clear_pointer (&input->person_in_charge, g_free);
  g_clear_pointer (&input->person_phone, g_free);
  anju_org_ref_clear (&input->org);
  g_clear_pointer (&input->location, g_free);
  g_clear_pointer (&input->network, g_free);
  g_clear_pointer (&input->model, g_free);
  g_clear_pointer (&input->peripherals, json_node_unref);
}

/* The member's new value when the body has it, else the current one.
 * Empty text is NULL. */
static char *
merged_text (JsonObject *body,
             JsonObject *current,
             const char *member)
{
  char *value;

  if (!json_object_has_member (body, member))
    return current != NULL
           ? g_strdup (json_object_get_string_member_with_default (current, member, NULL))
           : NULL;
  value = anju_body_dup_trimmed (body, member);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static gboolean
sn_is_valid (const char *sn)
{
  for (const char *c = sn; *c != '\0'; c++)
    {
      if (!g_ascii_isalnum (*c) && *c != '-')
        return FALSE;
    }
  return TRUE;
}

static void
check_texts (AnjuRequest             *request,
             const AnjuTerminalInput *input)
{
  g_autoptr(GError) phone_error = NULL;

  if (anju_check_not_blank (request, "sn", input->sn) && !sn_is_valid (input->sn))
    anju_request_add_field_error (request, "sn",
                                  _("Only letters, digits and “-” are allowed"));
  anju_check_not_blank (request, "terminal_no", input->terminal_no);
  anju_check_not_blank (request, "name", input->name);
  anju_check_not_blank (request, "person_in_charge", input->person_in_charge);
  anju_check_not_blank (request, "location", input->location);
  if (input->person_phone != NULL
      && !anju_phone_validate_mobile (input->person_phone, &phone_error))
    anju_request_add_field_error (request, "person_phone", phone_error->message);
}

/* A street or a community, in the caller's scope; the organisation
 * anything the kiosk creates belongs to. */
static gboolean
check_org (AnjuRequest        *request,
           AnjuTerminalInput  *input,
           GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  if (input->org_id <= 0)
    {
      anju_request_add_field_error (request, "org_id", _("Choose a street or a community"));
      return TRUE;
    }
  if (!anju_org_store_load (anju_request_get_db (request), input->org_id, &input->org,
                            &local_error))
    {
      if (!g_error_matches (local_error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      anju_request_add_field_error (request, "org_id", _("No such organisation"));
      return TRUE;
    }
  if (!g_str_equal (input->org.kind, "street") && !g_str_equal (input->org.kind, "community"))
    anju_request_add_field_error (request, "org_id", _("Must be a street or a community"));
  return TRUE;
}

static gboolean
peripheral_is_valid (JsonNode *node)
{
  g_autoptr(GList) names = NULL;
  JsonObject *object;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      if (!g_str_equal (l->data, "enabled") && !g_str_equal (l->data, "model"))
        return FALSE;
    }
  member = json_object_get_member (object, "enabled");
  if (member != NULL && (!JSON_NODE_HOLDS_VALUE (member)
                         || json_node_get_value_type (member) != G_TYPE_BOOLEAN))
    return FALSE;
  member = json_object_get_member (object, "model");
  return member == NULL || JSON_NODE_HOLDS_NULL (member)
         || (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING
             && g_utf8_strlen (json_node_get_string (member), -1) <= 100);
}

/* Field errors name the kind: peripherals.scanner, peripherals.camera. */
static void
read_peripherals (AnjuRequest       *request,
                  JsonObject        *body,
                  JsonObject        *current,
                  AnjuTerminalInput *input)
{
  JsonObject *given;
  g_autoptr(GList) names = NULL;

  if (!json_object_has_member (body, "peripherals"))
    {
      JsonNode *node = current != NULL ? json_object_get_member (current, "peripherals") : NULL;

      input->peripherals = anju_terminal_peripherals_normalise (
        node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL);
      return;
    }
  given = json_object_get_object_member (body, "peripherals");
  names = json_object_get_members (given);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *field = g_strconcat ("peripherals.", l->data, NULL);

      if (!g_strv_contains (anju_terminal_peripheral_kinds, l->data))
        anju_request_add_field_error (request, field,
                                      _("Unknown peripheral: use camera, fingerprint, "
                                        "id_reader or printer"));
      else if (!peripheral_is_valid (json_object_get_member (given, l->data)))
        anju_request_add_field_error (request, field,
                                      _("Must be an object with “enabled” (true or false) "
                                        "and “model” (text up to 100 characters)"));
    }
  input->peripherals = anju_terminal_peripherals_normalise (given);
}

gboolean
anju_terminal_input_read (AnjuRequest        *request,
                          JsonObject         *body,
                          JsonObject         *current,
                          AnjuTerminalInput  *input,
                          GError            **error)
{
  input->sn = merged_text (body, current, "sn");
  input->terminal_no = merged_text (body, current, "terminal_no");
  input->name = merged_text (body, current, "name");
  input->person_in_charge = merged_text (body, current, "person_in_charge");
  input->person_phone = merged_text (body, current, "person_phone");
  input->location = merged_text (body, current, "location");
  input->network = merged_text (body, current, "network");
  input->model = merged_text (body, current, "model");
  if (json_object_has_member (body, "org_id"))
    input->org_id = json_object_get_int_member (body, "org_id");
  else if (current != NULL)
    input->org_id = json_object_get_int_member (json_object_get_object_member (current, "org"),
                                                "id");
  check_texts (request, input);
  read_peripherals (request, body, current, input);
  return check_org (request, input, error);
}

char *
anju_terminal_input_peripherals_text (const AnjuTerminalInput *input)
{
  return json_to_string (input->peripherals, FALSE);
}
