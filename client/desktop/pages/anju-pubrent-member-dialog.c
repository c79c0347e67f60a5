/* anju-pubrent-member-dialog.c: one household member's D02 fields. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-field-error.h"
#include "anju-id-number.h"
#include "anju-pubrent-fields.h"
#include "anju-pubrent-member-dialog.h"
#include "anju-pubrent-names.h"

struct _AnjuPubrentMemberDialog
{
  AdwWindow        parent_instance;

  /* Owned */
  AnjuPubrentForm *form;      /* (owned) */
  JsonObject      *codes;     /* (owned) (nullable) */
  JsonObject      *member;    /* (owned) what was given, so unknown members survive */
  gboolean         is_applicant;
};

G_DEFINE_FINAL_TYPE (AnjuPubrentMemberDialog, anju_pubrent_member_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A resident ID number says when and as which sex its holder was born:
 * fill both as soon as the number is whole and valid. */
static void
id_no_changed_cb (AnjuPubrentMemberDialog *self)
{
  g_autofree char *id_no = anju_pubrent_form_get_text (self->form, "id_no");
  g_autofree char *birth_date = NULL;
  JsonNode *set = self->codes != NULL ? json_object_get_member (self->codes, "gender") : NULL;
  AnjuSex sex = ANJU_SEX_UNKNOWN;
  const char *gender;

  if (!anju_pubrent_facts_from_id (id_no, &birth_date, &sex))
    return;

  anju_pubrent_form_set_text (self->form, "birth_date", birth_date);
  gender = anju_pubrent_gender_code (set != NULL && JSON_NODE_HOLDS_ARRAY (set) ? json_node_get_array (set) : NULL,
                                     sex);
  if (gender != NULL)
    anju_pubrent_form_set_text (self->form, "gender", gender);
}

/* Checks what the desktop can judge; the server judges the rest. */
static gboolean
check (AnjuPubrentMemberDialog *self)
{
  g_autofree char *name = anju_pubrent_form_get_text (self->form, "name");
  g_autofree char *id_no = anju_pubrent_form_get_text (self->form, "id_no");
  g_autofree char *doc_type = anju_pubrent_form_get_text (self->form, "id_doc_type");
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  anju_pubrent_form_clear_errors (self->form);

  if (name == NULL)
    {
      g_autoptr(JsonObject) fields = json_object_new ();

      json_object_set_string_member (fields, "name", _("Enter the member’s name."));
      anju_pubrent_form_show_errors (self->form, fields, NULL);
      ok = FALSE;
    }

  if ((doc_type == NULL || g_str_equal (doc_type, "resident_id"))
      && id_no != NULL && !anju_id_number_validate (id_no, &error))
    {
      g_autoptr(JsonObject) fields = json_object_new ();

      json_object_set_string_member (fields, "id_no", error->message);
      anju_pubrent_form_show_errors (self->form, fields, NULL);
      ok = FALSE;
    }

  return ok;
}

static void
done_clicked_cb (AnjuPubrentMemberDialog *self)
{
  anju_pubrent_member_dialog_finish (self);
}

static void
anju_pubrent_member_dialog_dispose (GObject *object)
{
  AnjuPubrentMemberDialog *self = ANJU_PUBRENT_MEMBER_DIALOG (object);

  g_clear_pointer (&self->form, anju_pubrent_form_free);
  g_clear_pointer (&self->codes, json_object_unref);
  g_clear_pointer (&self->member, json_object_unref);

  G_OBJECT_CLASS (anju_pubrent_member_dialog_parent_class)->dispose (object);
}

static void
anju_pubrent_member_dialog_class_init (AnjuPubrentMemberDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_pubrent_member_dialog_dispose;

  /**
   * AnjuPubrentMemberDialog::done:
   * @member: the member as entered (JsonObject)
   */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JSON_TYPE_OBJECT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_pubrent_member_dialog_init (AnjuPubrentMemberDialog *self)
{
}

static GtkWidget *
build_header (AnjuPubrentMemberDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *done = gtk_button_new_with_mnemonic (_("_Done"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_widget_add_css_class (done, "suggested-action");
  g_signal_connect_object (done, "clicked", G_CALLBACK (done_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), done);
  gtk_window_set_default_widget (GTK_WINDOW (self), done);
  return header;
}

static GtkWidget *
build_page (AnjuPubrentMemberDialog *self)
{
  const AnjuPubrentFieldGroup *groups;
  GtkWidget *page = adw_preferences_page_new ();
  guint n_groups;

  groups = anju_pubrent_member_groups (&n_groups);
  for (guint i = 0; i < n_groups; i++)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                              ADW_PREFERENCES_GROUP (anju_pubrent_form_add_group (self->form, groups[i].title,
                                                                                  groups[i].fields,
                                                                                  groups[i].n_fields)));
  return page;
}

GtkWidget *
anju_pubrent_member_dialog_new (JsonObject *codes,
                                JsonObject *member,
                                gboolean    is_applicant)
{
  AnjuPubrentMemberDialog *self = g_object_new (ANJU_TYPE_PUBRENT_MEMBER_DIALOG,
                                                "modal", TRUE,
                                                "default-width", 560,
                                                "default-height", 680,
                                                NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page;

  self->codes = codes != NULL ? json_object_ref (codes) : NULL;
  self->member = member != NULL ? json_object_ref (member) : json_object_new ();
  self->is_applicant = is_applicant;
  self->form = anju_pubrent_form_new (codes);

  gtk_window_set_title (GTK_WINDOW (self), is_applicant ? _("Applicant as Member") : _("Household Member"));
  gtk_box_append (GTK_BOX (box), build_header (self));
  page = build_page (self);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  anju_pubrent_form_set_values (self->form, self->member);
  if (member == NULL)
    anju_pubrent_form_set_text (self->form, "id_doc_type", "resident_id");
  g_signal_connect_object (anju_pubrent_form_get_row (self->form, "id_no"), "changed",
                           G_CALLBACK (id_no_changed_cb), self, G_CONNECT_SWAPPED);

  /* The applicant's name, number and phone are the household's. */
  if (is_applicant)
    {
      const char * const locked[] = { "relation", "name", "id_no", "phone" };

      for (guint i = 0; i < G_N_ELEMENTS (locked); i++)
        {
          GtkWidget *row = anju_pubrent_form_get_row (self->form, locked[i]);

          if (row != NULL)
            gtk_widget_set_sensitive (row, FALSE);
        }
    }

  return GTK_WIDGET (self);
}

GtkWidget *
anju_pubrent_member_dialog_get_row (AnjuPubrentMemberDialog *self,
                                    const char              *member)
{
  g_return_val_if_fail (ANJU_IS_PUBRENT_MEMBER_DIALOG (self), NULL);

  return anju_pubrent_form_get_row (self->form, member);
}

void
anju_pubrent_member_dialog_show_errors (AnjuPubrentMemberDialog *self,
                                        JsonObject              *fields,
                                        const char              *prefix)
{
  g_return_if_fail (ANJU_IS_PUBRENT_MEMBER_DIALOG (self));

  anju_pubrent_form_show_errors (self->form, fields, prefix);
}

void
anju_pubrent_member_dialog_finish (AnjuPubrentMemberDialog *self)
{
  g_autoptr(JsonObject) member = NULL;
  g_autoptr(GList) names = NULL;

  g_return_if_fail (ANJU_IS_PUBRENT_MEMBER_DIALOG (self));

  if (!check (self))
    return;

  /* A copy of what was given (id, member_no …) with the rows on top. */
  member = json_object_new ();
  names = json_object_get_members (self->member);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (member, l->data, json_node_copy (json_object_get_member (self->member, l->data)));
  anju_pubrent_form_get_values (self->form, member);
  if (self->is_applicant)
    json_object_set_string_member (member, "relation", "self");

  g_signal_emit (self, signals[DONE], 0, member);
  gtk_window_close (GTK_WINDOW (self));
}
