/* anju-objection-dialogs.c: recording and verifying objections.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-enterprise-labels.h"
#include "anju-objection-dialogs.h"

/* What a dialog keeps until it is answered. */
typedef struct
{
  GtkWidget               *page;        /* (owned) */
  gint64                   record_id;
  AnjuObjectionDialogDone  done;
  const char              *response_id;
  /* Borrowed: the form's rows; NULL where the dialog has none. */
  GtkEditable             *received_row;
  GtkEditable             *content_row;
  GtkEditable             *name_row;
  GtkEditable             *phone_row;
  GtkEditable             *opinion_row;
  AdwComboRow             *result_row;
  AdwComboRow             *method_row;
  const char * const      *methods;
} FormState;

static void
form_state_free (gpointer data)
{
  FormState *state = data;

  g_object_unref (state->page);
  g_free (state);
}

static char *
row_text (GtkEditable *row)
{
  return row != NULL ? g_strstrip (g_strdup (gtk_editable_get_text (row))) : NULL;
}

static gboolean
row_filled (GtkEditable *row)
{
  g_autofree char *text = row_text (row);

  return text == NULL || *text != '\0';
}

static void
form_changed_cb (GtkWidget *dialog)
{
  FormState *state = g_object_get_data (G_OBJECT (dialog), "anju-form");
  gboolean ready = row_filled (state->content_row) && row_filled (state->opinion_row);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), state->response_id, ready);
}

/* member: the row's text, or (optional rows) null when empty. */
static void
add_text (JsonBuilder *builder,
          const char  *member,
          GtkEditable *row)
{
  g_autofree char *text = row_text (row);

  json_builder_set_member_name (builder, member);
  if (*text == '\0')
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

static JsonNode *
build_body (FormState *state)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint method = adw_combo_row_get_selected (state->method_row);

  json_builder_begin_object (builder);
  if (state->result_row != NULL)
    {
      json_builder_set_member_name (builder, "result");
      json_builder_add_string_value (builder, adw_combo_row_get_selected (state->result_row) == 0
                                              ? "substantiated" : "unfounded");
      add_text (builder, "opinion", state->opinion_row);
    }
  else
    {
      g_autofree char *received = row_text (state->received_row);

      /* Left empty, the server takes the time of recording. */
      if (*received != '\0')
        {
          json_builder_set_member_name (builder, "received_at");
          json_builder_add_string_value (builder, received);
        }
      add_text (builder, "content", state->content_row);
      add_text (builder, "reporter_name", state->name_row);
      add_text (builder, "reporter_phone", state->phone_row);
    }
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, state->methods[method]);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  FormState *state = g_object_get_data (G_OBJECT (dialog), "anju-form");
  g_autoptr(JsonNode) body = NULL;

  if (!g_str_equal (response, state->response_id))
    return;
  body = build_body (state);
  state->done (state->page, state->record_id, body);
}

static GtkEditable *
add_entry_row (GtkWidget  *dialog,
               GtkListBox *list,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (form_changed_cb), dialog);
  gtk_list_box_append (list, row);
  return GTK_EDITABLE (row);
}

static AdwComboRow *
add_combo_row (GtkListBox         *list,
               const char         *title,
               const char * const *codes,
               const char *      (*label) (const char *code))
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, label (codes[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  gtk_list_box_append (list, row);
  return ADW_COMBO_ROW (row);
}

static GtkWidget *
new_form_dialog (GtkWidget               *page,
                 gint64                   record_id,
                 const char              *heading,
                 const char              *body,
                 const char              *response_id,
                 const char              *response_label,
                 AnjuObjectionDialogDone  done,
                 GtkListBox             **out_list)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (page)),
                                              heading, body);
  GtkWidget *list = gtk_list_box_new ();
  FormState *state = g_new0 (FormState, 1);

  state->page = g_object_ref (page);
  state->record_id = record_id;
  state->done = done;
  state->response_id = response_id;
  g_object_set_data_full (G_OBJECT (dialog), "anju-form", state, form_state_free);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response_id, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response_id,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), response_id, FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  *out_list = GTK_LIST_BOX (list);
  return dialog;
}

GtkWidget *
anju_objection_record_dialog_new (GtkWidget               *page,
                                  gint64                   publicity_id,
                                  const char              *heading,
                                  const char              *today,
                                  AnjuObjectionDialogDone  done)
{
  GtkListBox *list = NULL;
  GtkWidget *dialog = new_form_dialog (page, publicity_id, heading,
                                       _("A report received during the publicity period. It "
                                         "must be verified before the publicity can end."),
                                       "record", _("_Record"), done, &list);
  FormState *state = g_object_get_data (G_OBJECT (dialog), "anju-form");

  state->received_row = add_entry_row (dialog, list, _("Received on (YYYY-MM-DD)"), today);
  state->method_row = add_combo_row (list, _("Received by"), anju_objection_methods,
                                     anju_objection_method_label);
  state->methods = anju_objection_methods;
  state->content_row = add_entry_row (dialog, list, _("What is reported"), NULL);
  state->name_row = add_entry_row (dialog, list, _("Reporter's name"), NULL);
  state->phone_row = add_entry_row (dialog, list, _("Reporter's mobile number"), NULL);
  return dialog;
}

static const char *
result_label (const char *code)
{
  return anju_objection_result_label (code);
}

GtkWidget *
anju_objection_verify_dialog_new (GtkWidget               *page,
                                  gint64                   objection_id,
                                  const char              *heading,
                                  AnjuObjectionDialogDone  done)
{
  static const char * const results[] = { "substantiated", "unfounded", NULL };
  GtkListBox *list = NULL;
  GtkWidget *dialog = new_form_dialog (page, objection_id, heading,
                                       _("A substantiated objection keeps the publicity from "
                                         "passing; the street then rejects the application."),
                                       "verify", _("_Verify"), done, &list);
  FormState *state = g_object_get_data (G_OBJECT (dialog), "anju-form");

  state->result_row = add_combo_row (list, _("Result"), results, result_label);
  state->method_row = add_combo_row (list, _("Verified by"), anju_verification_methods,
                                     anju_verification_method_label);
  state->methods = anju_verification_methods;
  state->opinion_row = add_entry_row (dialog, list, _("Opinion"), NULL);
  return dialog;
}
