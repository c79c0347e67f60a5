/* anju-kiosk-apply-screen.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "anju-decimal.h"
#include "anju-error-message.h"
#include "anju-id-number.h"
#include "anju-kiosk-apply-draft.h"
#include "anju-kiosk-apply-screen.h"
#include "anju-kiosk-codes.h"
#include "anju-kiosk-context.h"
#include "anju-kiosk-receipt.h"
#include "anju-mask.h"
#include "anju-phone.h"
#include "anju-record.h"

/* How often the reader is asked for a card while a step waits for one. */
#define CARD_POLL_MS 700

typedef enum
{
  CARD_FOR_NOBODY,
  CARD_FOR_APPLICANT,
  CARD_FOR_MEMBER,
} CardTarget;

struct _AnjuKioskApplyScreen
{
  GtkBox               parent_instance;

  /* Template widgets */
  GtkLabel            *step_label;
  GtkProgressBar      *progress_bar;
  GtkStack            *step_stack;
  GtkToggleButton     *physical_button;
  GtkToggleButton     *subsidy_button;
  GtkCheckButton      *consent_check;
  GtkLabel            *type_error_label;
  GtkLabel            *card_status_label;
  GtkWidget           *card_failure_box;
  GtkEntry            *name_entry;
  GtkEntry            *id_no_entry;
  GtkEntry            *sex_entry;
  GtkEntry            *nation_entry;
  GtkEntry            *birth_entry;
  GtkEntry            *address_entry;
  GtkLabel            *card_error_label;
  GtkEntry            *phone_entry;
  GtkDropDown         *county_dropdown;
  GtkWidget           *income_label;
  GtkEntry            *income_entry;
  GtkWidget           *area_label;
  GtkEntry            *area_entry;
  GtkDropDown         *marital_dropdown;
  GtkLabel            *details_error_label;
  GtkLabel            *face_status_label;
  GtkStack            *face_stack;
  GtkPicture          *camera_picture;
  GtkPicture          *photo_picture;
  GtkLabel            *finger_status_label;
  GtkProgressBar      *finger_progress;
  GtkListBox          *members_list;
  GtkDropDown         *relation_dropdown;
  GtkWidget           *member_manual_box;
  GtkEntry            *member_name_entry;
  GtkEntry            *member_id_entry;
  GtkLabel            *member_status_label;
  GtkLabel            *members_error_label;
  GtkLabel            *review_label;
  GtkLabel            *review_error_label;
  GtkLabel            *number_label;
  GtkLabel            *result_label;
  GtkLabel            *print_label;

  /* Owned */
  AnjuKioskContext    *context;
  GCancellable        *cancellable;
  JsonObject          *codes;             /* (nullable) the dictionary */
  AnjuKioskApplyDraft *draft;
  AnjuKioskApplyStep   step;

  CardTarget           card_target;
  guint                card_poll_source;
  gboolean             card_reading;
  gboolean             card_failed;
  gboolean             manual_entry;

  GBytes              *photo_jpeg;        /* (nullable) taken, not confirmed */
  gboolean             camera_started;
  gboolean             camera_unavailable; /* none, or it failed to start */

  gboolean             finger_busy;
  gboolean             finger_failed;

  gboolean             submitting;
  gint64               application_id;
  char                *application_no;
  char                *submitted_at;
  gboolean             submitted;
  gboolean             face_sent;
  gboolean             fingerprint_sent;
  GBytes              *qr_png;            /* (nullable) */
};

static void anju_kiosk_apply_screen_iface_init (AnjuKioskScreenInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnjuKioskApplyScreen, anju_kiosk_apply_screen, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (ANJU_TYPE_KIOSK_SCREEN,
                                                      anju_kiosk_apply_screen_iface_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static const char * const step_names[ANJU_KIOSK_APPLY_N_STEPS] = {
  "type", "card", "details", "face", "finger", "members", "review", "done",
};

static const char * const step_titles[ANJU_KIOSK_APPLY_N_STEPS] = {
  N_("Business type"), N_("ID card"), N_("Your details"), N_("Photo"),
  N_("Fingerprint"), N_("Household"), N_("Check and submit"), N_("Submitted"),
};

static void go_to_step      (AnjuKioskApplyScreen *self,
                             AnjuKioskApplyStep    step);
static void update_actions  (AnjuKioskApplyScreen *self);
static void continue_submit (AnjuKioskApplyScreen *self);

/* ---- helpers ------------------------------------------------------ */

static AnjuKioskDevices *
get_devices (AnjuKioskApplyScreen *self)
{
  return anju_kiosk_context_get_devices (self->context);
}

static AnjuApiClient *
get_api (AnjuKioskApplyScreen *self)
{
  return anju_kiosk_context_get_api (self->context);
}

static void
show_message (GtkLabel   *label,
              const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && *message != '\0');
}

static GtkLabel *
error_label_for_step (AnjuKioskApplyScreen *self,
                      AnjuKioskApplyStep    step)
{
  switch (step)
    {
    case ANJU_KIOSK_APPLY_STEP_TYPE:
      return self->type_error_label;
    case ANJU_KIOSK_APPLY_STEP_CARD:
      return self->card_error_label;
    case ANJU_KIOSK_APPLY_STEP_DETAILS:
      return self->details_error_label;
    case ANJU_KIOSK_APPLY_STEP_MEMBERS:
      return self->members_error_label;
    case ANJU_KIOSK_APPLY_STEP_FACE:
    case ANJU_KIOSK_APPLY_STEP_FINGER:
    case ANJU_KIOSK_APPLY_STEP_REVIEW:
    case ANJU_KIOSK_APPLY_STEP_DONE:
    default:
      return self->review_error_label;
    }
}

static void
clear_step_errors (AnjuKioskApplyScreen *self)
{
  for (int step = 0; step < ANJU_KIOSK_APPLY_N_STEPS; step++)
    show_message (error_label_for_step (self, step), NULL);
}

static void
clear_entry (GtkEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static char *
stripped_entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (entry_text (entry)));
}

static void
set_entries_editable (AnjuKioskApplyScreen *self,
                      gboolean              editable)
{
  GtkEntry *entries[] = {
    self->name_entry, self->id_no_entry, self->nation_entry, self->address_entry,
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_editable_set_editable (GTK_EDITABLE (entries[i]), editable);
}

static const char *
business_type_label (const char *business_type)
{
  if (g_strcmp0 (business_type, "open_physical") == 0)
    return _("Public rental flat (open application)");
  if (g_strcmp0 (business_type, "open_subsidy") == 0)
    return _("Rent subsidy (open application)");
  return "";
}

/* ---- the ID card -------------------------------------------------- */

static void stop_card_polling (AnjuKioskApplyScreen *self);

static void
show_card (AnjuKioskApplyScreen *self,
           AnjuKioskMember      *applicant,
           const char           *nation,
           const char           *address)
{
  const char *sex = anju_kiosk_codes_get_name (self->codes, "gender", applicant->gender);

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), applicant->name);
  gtk_editable_set_text (GTK_EDITABLE (self->id_no_entry), applicant->id_no);
  gtk_editable_set_text (GTK_EDITABLE (self->sex_entry), sex != NULL ? sex : "");
  gtk_editable_set_text (GTK_EDITABLE (self->nation_entry), nation != NULL ? nation : "");
  gtk_editable_set_text (GTK_EDITABLE (self->birth_entry),
                         applicant->birth_date != NULL ? applicant->birth_date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_entry), address != NULL ? address : "");
}

static void
take_applicant_card (AnjuKioskApplyScreen *self,
                     AnjuIdCard           *card)
{
  AnjuKioskMember *applicant = anju_kiosk_member_new_from_card (card, "self", self->codes);

  g_clear_pointer (&self->draft->applicant, anju_kiosk_member_free);
  anju_kiosk_wipe_string (&self->draft->address);
  self->draft->applicant = applicant;
  self->draft->address = g_strdup (card->address);
  self->manual_entry = FALSE;

  /* Read from the card: the citizen checks it, nobody edits it. */
  set_entries_editable (self, FALSE);
  show_card (self, applicant, card->nation, card->address);
  gtk_label_set_label (self->card_status_label,
                       _("Your ID card has been read. Please check the details and take the card."));
  gtk_widget_set_visible (self->card_failure_box, FALSE);
}

static void add_member (AnjuKioskApplyScreen *self,
                        AnjuKioskMember      *member);

static const char *
selected_relation (AnjuKioskApplyScreen *self)
{
  return anju_kiosk_codes_code_of_position (self->codes, "relation", "self",
                                            gtk_drop_down_get_selected (self->relation_dropdown));
}

/* A card on the reader while a member is wanted: the applicant's card
 * may well still lie there, so a person already listed just keeps the
 * prompt up until the next card comes. */
static gboolean
take_member_card (AnjuKioskApplyScreen *self,
                  AnjuIdCard           *card)
{
  const char *relation = selected_relation (self);

  if (anju_kiosk_apply_draft_has_person (self->draft, card->id_no))
    {
      gtk_label_set_label (self->member_status_label,
                           _("This person is already in the household. Please place the member's ID card on the reader."));
      return FALSE;
    }
  if (relation == NULL)
    {
      gtk_label_set_label (self->member_status_label, _("Please choose the member's relation to you."));
      return TRUE;
    }

  add_member (self, anju_kiosk_member_new_from_card (card, relation, self->codes));
  gtk_label_set_label (self->member_status_label, _("The member has been added."));
  return TRUE;
}

static void
card_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AnjuKioskApplyScreen *self;
  g_autoptr(AnjuIdCard) card = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = TRUE;

  card = anju_id_reader_read_card_finish (ANJU_ID_READER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANJU_KIOSK_APPLY_SCREEN (user_data);
  self->card_reading = FALSE;
  if (self->card_target == CARD_FOR_NOBODY)
    return;

  if (g_error_matches (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_NO_CARD))
    {
      /* Nothing on the reader yet: keep asking. */
      return;
    }

  if (error != NULL)
    {
      GtkLabel *label = self->card_target == CARD_FOR_APPLICANT ? self->card_status_label
                                                                : self->member_status_label;
      /* Translators: %s says what went wrong with the ID card reader */
      g_autofree char *message = g_strdup_printf (_("The ID card could not be read: %s"),
                                                  error->message);

      gtk_label_set_label (label, message);
      self->card_failed = TRUE;
      if (self->card_target == CARD_FOR_APPLICANT)
        gtk_widget_set_visible (self->card_failure_box, TRUE);
      else
        gtk_widget_set_visible (self->member_manual_box, TRUE);
      stop_card_polling (self);
      update_actions (self);
      return;
    }

  if (self->card_target == CARD_FOR_APPLICANT)
    take_applicant_card (self, card);
  else
    done = take_member_card (self, card);

  if (done)
    stop_card_polling (self);
  update_actions (self);
}

static gboolean
card_poll_cb (gpointer user_data)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (user_data);
  AnjuIdReader *reader = anju_kiosk_devices_get_id_reader (get_devices (self));

  if (reader != NULL && !self->card_reading)
    {
      self->card_reading = TRUE;
      anju_id_reader_read_card_async (reader, self->cancellable, card_read_cb, self);
    }

  return G_SOURCE_CONTINUE;
}

static void
stop_card_polling (AnjuKioskApplyScreen *self)
{
  self->card_target = CARD_FOR_NOBODY;
  g_clear_handle_id (&self->card_poll_source, g_source_remove);
}

static void
start_card_polling (AnjuKioskApplyScreen *self,
                    CardTarget            target)
{
  GtkLabel *label = target == CARD_FOR_APPLICANT ? self->card_status_label
                                                 : self->member_status_label;

  stop_card_polling (self);
  self->card_failed = FALSE;

  if (anju_kiosk_devices_get_id_reader (get_devices (self)) == NULL)
    {
      gtk_label_set_label (label, _("This terminal has no ID card reader. Please ask the staff to enter the details by hand."));
      self->card_failed = TRUE;
      if (target == CARD_FOR_APPLICANT)
        gtk_widget_set_visible (self->card_failure_box, TRUE);
      else
        gtk_widget_set_visible (self->member_manual_box, TRUE);
      return;
    }

  self->card_target = target;
  gtk_label_set_label (label, target == CARD_FOR_APPLICANT
                              ? _("Please place your ID card on the reader.")
                              : _("Please place the member's ID card on the reader."));
  self->card_poll_source = g_timeout_add (CARD_POLL_MS, card_poll_cb, self);
  card_poll_cb (self);
}

/* Manual entry: what the staff typed becomes the applicant on "Next";
 * sex and birth date follow from the ID number. */
static void
manual_card_changed_cb (AnjuKioskApplyScreen *self)
{
  const char *id_no = entry_text (self->id_no_entry);
  GDate birth;

  if (!self->manual_entry)
    return;

  g_date_clear (&birth, 1);
  if (anju_id_number_validate (id_no, NULL) && anju_id_number_get_birth_date (id_no, &birth))
    {
      char text[16];
      AnjuSex sex = anju_id_number_get_sex (id_no);
      const char *gender = anju_kiosk_codes_find_by_seed (self->codes, "gender",
                                                          sex == ANJU_SEX_MALE ? "1" : "2");
      const char *name = anju_kiosk_codes_get_name (self->codes, "gender", gender);

      g_date_strftime (text, sizeof text, "%Y-%m-%d", &birth);
      gtk_editable_set_text (GTK_EDITABLE (self->birth_entry), text);
      gtk_editable_set_text (GTK_EDITABLE (self->sex_entry), name != NULL ? name : "");
    }
  else
    {
      clear_entry (self->birth_entry);
      clear_entry (self->sex_entry);
    }
  update_actions (self);
}

/* "汉" and "汉族" both name the code "han". */
static const char *
ethnicity_for_name (AnjuKioskApplyScreen *self,
                    const char           *typed)
{
  JsonArray *items = anju_json_get_array (self->codes, "ethnicity");

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *name = anju_json_get_string (item, "name");
      g_autofree char *with_suffix = g_strconcat (typed, "族", NULL);

      if (g_strcmp0 (name, typed) == 0 || g_strcmp0 (name, with_suffix) == 0)
        return anju_json_get_string (item, "code");
    }

  return NULL;
}

static AnjuKioskMember *
build_manual_member (const char  *name,
                     const char  *id_no,
                     const char  *relation,
                     JsonObject  *codes,
                     GError     **error)
{
  g_autoptr(AnjuKioskMember) member = NULL;
  GDate birth;
  char text[16];

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_VALIDATION, _("Please enter the name."));
      return NULL;
    }
  if (!anju_id_number_validate (id_no, error))
    return NULL;

  member = anju_kiosk_member_new ();
  member->relation = g_strdup (relation);
  member->name = g_strdup (name);
  member->id_no = g_ascii_strup (id_no, -1);
  member->gender = g_strdup (anju_kiosk_codes_find_by_seed (codes, "gender",
                                                            anju_id_number_get_sex (id_no) == ANJU_SEX_MALE
                                                            ? "1" : "2"));
  g_date_clear (&birth, 1);
  if (anju_id_number_get_birth_date (id_no, &birth))
    {
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &birth);
      member->birth_date = g_strdup (text);
    }

  return g_steal_pointer (&member);
}

static gboolean
take_manual_applicant (AnjuKioskApplyScreen *self)
{
  g_autofree char *name = stripped_entry_text (self->name_entry);
  g_autofree char *id_no = stripped_entry_text (self->id_no_entry);
  g_autofree char *nation = stripped_entry_text (self->nation_entry);
  g_autoptr(GError) error = NULL;
  AnjuKioskMember *applicant;

  applicant = build_manual_member (name, id_no, "self", self->codes, &error);
  if (applicant == NULL)
    {
      /* Translators: %s says what is wrong with the entered ID details */
      g_autofree char *message = g_strdup_printf (_("ID card details: %s"), error->message);

      show_message (self->card_error_label, message);
      return FALSE;
    }
  applicant->ethnicity = g_strdup (ethnicity_for_name (self, nation));

  g_clear_pointer (&self->draft->applicant, anju_kiosk_member_free);
  anju_kiosk_wipe_string (&self->draft->address);
  self->draft->applicant = applicant;
  self->draft->address = stripped_entry_text (self->address_entry);
  return TRUE;
}

/* ---- details ------------------------------------------------------ */

static gboolean
take_details (AnjuKioskApplyScreen *self)
{
  g_autofree char *phone = stripped_entry_text (self->phone_entry);
  g_autofree char *income = stripped_entry_text (self->income_entry);
  g_autofree char *area = stripped_entry_text (self->area_entry);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean physical = g_strcmp0 (self->draft->business_type, "open_physical") == 0;
  guint county = gtk_drop_down_get_selected (self->county_dropdown);
  const char *marital = anju_kiosk_codes_get_code_at (self->codes, "marital_status",
                                                      gtk_drop_down_get_selected (self->marital_dropdown));
  gint64 value;

  if (!anju_phone_validate_mobile (phone, &error))
    g_string_append_printf (problems, "%s: %s\n", _("Mobile phone"), error->message);
  g_clear_error (&error);
  if (physical && !anju_decimal_parse_hundredths (income, &value, &error))
    g_string_append_printf (problems, "%s: %s\n", _("Yearly household income per person (yuan)"),
                            error->message);
  g_clear_error (&error);
  if (physical && !anju_decimal_parse_hundredths (area, &value, &error))
    g_string_append_printf (problems, "%s: %s\n", _("Housing floor area per person (m²)"),
                            error->message);
  if (county >= anju_kiosk_counties_get_n ())
    g_string_append_printf (problems, "%s\n", _("Please choose your hukou district or county."));

  if (problems->len > 0)
    {
      g_strchomp (problems->str);
      show_message (self->details_error_label, problems->str);
      return FALSE;
    }

  anju_kiosk_wipe_string (&self->draft->phone);
  anju_kiosk_wipe_string (&self->draft->hukou_county_code);
  anju_kiosk_wipe_string (&self->draft->income_per_capita);
  anju_kiosk_wipe_string (&self->draft->area_per_capita);
  anju_kiosk_wipe_string (&self->draft->marital_status);
  self->draft->phone = g_steal_pointer (&phone);
  self->draft->hukou_county_code = g_strdup (anju_kiosk_counties_get_code (county));
  self->draft->income_per_capita = physical ? g_steal_pointer (&income) : NULL;
  self->draft->area_per_capita = physical ? g_steal_pointer (&area) : NULL;
  self->draft->marital_status = g_strdup (marital);
  return TRUE;
}

static void
fill_choosers (AnjuKioskApplyScreen *self)
{
  g_autoptr(GtkStringList) counties = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) marital = anju_kiosk_codes_names (self->codes, "marital_status", NULL);
  g_autoptr(GtkStringList) relations = anju_kiosk_codes_names (self->codes, "relation", "self");

  for (guint i = 0; i < anju_kiosk_counties_get_n (); i++)
    gtk_string_list_append (counties, anju_kiosk_counties_get_name (i));

  gtk_drop_down_set_model (self->county_dropdown, G_LIST_MODEL (counties));
  gtk_drop_down_set_model (self->marital_dropdown, G_LIST_MODEL (marital));
  gtk_drop_down_set_model (self->relation_dropdown, G_LIST_MODEL (relations));
}

static void
codes_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AnjuKioskApplyScreen *self;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANJU_KIOSK_APPLY_SCREEN (user_data);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *message = anju_error_message_for (error, NULL);

      show_message (self->type_error_label, message);
      return;
    }

  g_clear_pointer (&self->codes, json_object_unref);
  self->codes = json_object_ref (json_node_get_object (node));
  fill_choosers (self);
  update_actions (self);
}

static void
load_codes (AnjuKioskApplyScreen *self)
{
  anju_api_client_request_async (get_api (self), "GET", "/api/v1/pubrent/codes", NULL,
                                 self->cancellable, codes_loaded_cb, self);
}

/* ---- the face photo ----------------------------------------------- */

static void
stop_camera (AnjuKioskApplyScreen *self)
{
  AnjuCamera *camera = anju_kiosk_devices_get_camera (get_devices (self));

  gtk_picture_set_paintable (self->camera_picture, NULL);
  if (camera != NULL && self->camera_started)
    anju_camera_stop (camera);
  self->camera_started = FALSE;
}

static void
start_camera (AnjuKioskApplyScreen *self)
{
  AnjuCamera *camera = anju_kiosk_devices_get_camera (get_devices (self));
  g_autoptr(GError) error = NULL;

  gtk_stack_set_visible_child_name (self->face_stack, "preview");
  self->camera_unavailable = TRUE;
  if (camera == NULL)
    {
      gtk_label_set_label (self->face_status_label,
                           _("This terminal has no camera: the photo is taken at the street office."));
      return;
    }
  if (!self->camera_started && !anju_camera_start (camera, &error))
    {
      /* Translators: %s says what went wrong with the camera */
      g_autofree char *message = g_strdup_printf (_("The camera does not work: %s. The photo can be taken at the street office."),
                                                  error->message);

      gtk_label_set_label (self->face_status_label, message);
      return;
    }

  self->camera_started = TRUE;
  self->camera_unavailable = FALSE;
  gtk_picture_set_paintable (self->camera_picture, anju_camera_get_paintable (camera));
  gtk_label_set_label (self->face_status_label,
                       _("Please look at the camera and tap “Take photo”."));
}

/* A picture has come (or gone): "Take photo" needs one. */
static gboolean
camera_has_picture (AnjuKioskApplyScreen *self)
{
  AnjuCamera *camera;

  if (!self->camera_started)
    return FALSE;

  camera = anju_kiosk_devices_get_camera (get_devices (self));
  return camera != NULL && gdk_paintable_get_intrinsic_width (anju_camera_get_paintable (camera)) > 0;
}

static void
camera_size_changed_cb (AnjuKioskApplyScreen *self)
{
  update_actions (self);
}

static void
capture_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (widget);
  AnjuCamera *camera = anju_kiosk_devices_get_camera (get_devices (self));
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = NULL;

  texture = anju_camera_capture_still (camera, &jpeg, &error);
  if (texture == NULL)
    {
      /* Translators: %s says what went wrong with the camera */
      g_autofree char *message = g_strdup_printf (_("No photo could be taken: %s"), error->message);

      gtk_label_set_label (self->face_status_label, message);
      return;
    }

  anju_kiosk_wipe_bytes (&self->photo_jpeg);
  self->photo_jpeg = g_steal_pointer (&jpeg);
  gtk_picture_set_paintable (self->photo_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->face_stack, "photo");
  gtk_label_set_label (self->face_status_label,
                       _("Is the photo clear? Tap “Use this photo”, or “Take again”."));
  stop_camera (self);
  update_actions (self);
}

static void
retake_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (widget);

  anju_kiosk_wipe_bytes (&self->photo_jpeg);
  anju_kiosk_wipe_bytes (&self->draft->face_jpeg);
  gtk_picture_set_paintable (self->photo_picture, NULL);
  start_camera (self);
  update_actions (self);
}

static void
confirm_photo_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (widget);

  anju_kiosk_wipe_bytes (&self->draft->face_jpeg);
  self->draft->face_jpeg = g_steal_pointer (&self->photo_jpeg);
  gtk_label_set_label (self->face_status_label, _("The photo is kept. Tap “Next”."));
  go_to_step (self, ANJU_KIOSK_APPLY_STEP_FINGER);
}

/* ---- the fingerprint ---------------------------------------------- */

static void
show_finger_progress (AnjuKioskApplyScreen *self,
                      int                   stage,
                      int                   n_stages)
{
  /* Translators: fingerprint scans done so far, of how many */
  g_autofree char *text = g_strdup_printf (_("%d of %d"), stage, n_stages);

  gtk_progress_bar_set_fraction (self->finger_progress,
                                 n_stages > 0 ? (double) stage / n_stages : 0.0);
  gtk_progress_bar_set_text (self->finger_progress, text);
}

static void
enroll_progress_cb (AnjuFingerprint      *fingerprint,
                    int                   stage,
                    int                   n_stages,
                    AnjuKioskApplyScreen *self)
{
  if (!self->finger_busy)
    return;

  show_finger_progress (self, stage, n_stages);
  gtk_label_set_label (self->finger_status_label,
                       _("Good. Lift your finger and place it on the reader again."));
}

static void
enroll_retry_cb (AnjuFingerprint      *fingerprint,
                 const char           *message,
                 AnjuKioskApplyScreen *self)
{
  g_autofree char *text = NULL;

  if (!self->finger_busy)
    return;

  /* Translators: %s is the reader's advice ("The swipe was too short") */
  text = g_strdup_printf (_("Please try that finger again: %s"), message);
  gtk_label_set_label (self->finger_status_label, text);
}

static void
finger_failed (AnjuKioskApplyScreen *self,
               const GError         *error)
{
  /* Translators: %s says what went wrong with the fingerprint reader */
  g_autofree char *message = g_strdup_printf (_("The fingerprint could not be taken: %s"),
                                              error->message);

  self->finger_busy = FALSE;
  self->finger_failed = TRUE;
  gtk_label_set_label (self->finger_status_label, message);
  update_actions (self);
}

static void
enrolled_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AnjuKioskApplyScreen *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) print = NULL;

  print = anju_fingerprint_enroll_finish (ANJU_FINGERPRINT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANJU_KIOSK_APPLY_SCREEN (user_data);
  if (print == NULL)
    {
      finger_failed (self, error);
      return;
    }

  self->finger_busy = FALSE;
  anju_kiosk_wipe_bytes (&self->draft->fingerprint);
  self->draft->fingerprint = g_steal_pointer (&print);
  gtk_label_set_label (self->finger_status_label, _("Your fingerprint has been taken."));
  update_actions (self);
  if (self->step == ANJU_KIOSK_APPLY_STEP_FINGER)
    go_to_step (self, ANJU_KIOSK_APPLY_STEP_MEMBERS);
}

static void
start_enroll (AnjuKioskApplyScreen *self)
{
  AnjuFingerprint *fingerprint = anju_kiosk_devices_get_fingerprint (get_devices (self));
  int n_stages = anju_fingerprint_get_enroll_stages (fingerprint);

  show_finger_progress (self, 0, n_stages);
  gtk_label_set_label (self->finger_status_label,
                       _("Please place your right index finger on the fingerprint reader."));
  anju_fingerprint_enroll_async (fingerprint,
                                 self->draft->applicant != NULL ? self->draft->applicant->name : "",
                                 self->cancellable, enrolled_cb, self);
}

static void
finger_opened_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AnjuKioskApplyScreen *self;
  g_autoptr(GError) error = NULL;
  gboolean opened;

  opened = anju_fingerprint_open_finish (ANJU_FINGERPRINT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANJU_KIOSK_APPLY_SCREEN (user_data);
  if (!opened)
    {
      finger_failed (self, error);
      return;
    }

  start_enroll (self);
}

static void
start_fingerprint (AnjuKioskApplyScreen *self)
{
  AnjuFingerprint *fingerprint = anju_kiosk_devices_get_fingerprint (get_devices (self));

  if (self->finger_busy || self->draft->fingerprint != NULL)
    return;
  if (fingerprint == NULL)
    {
      gtk_label_set_label (self->finger_status_label,
                           _("This terminal has no fingerprint reader: the fingerprint is taken at the street office."));
      return;
    }

  self->finger_busy = TRUE;
  self->finger_failed = FALSE;
  update_actions (self);
  /* Opening an open device answers at once. */
  anju_fingerprint_open_async (fingerprint, self->cancellable, finger_opened_cb, self);
}

static void
retry_finger_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  start_fingerprint (ANJU_KIOSK_APPLY_SCREEN (widget));
}

/* ---- household members -------------------------------------------- */

static void
remove_member_clicked_cb (GtkButton            *button,
                          AnjuKioskApplyScreen *self);

static GtkWidget *
make_member_row (AnjuKioskApplyScreen *self,
                 AnjuKioskMember      *member)
{
  const char *relation = anju_kiosk_codes_get_name (self->codes, "relation", member->relation);
  g_autofree char *masked_id = anju_mask_id_number (member->id_no);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: the member's name, for the remove button's accessible name */
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), member->name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
  /* Translators: a household member's relation and ID number */
  subtitle = g_strdup_printf (_("%1$s · %2$s"), relation != NULL ? relation : member->relation,
                              masked_id);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_member_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
show_members (AnjuKioskApplyScreen *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->members_list))) != NULL)
    gtk_list_box_remove (self->members_list, child);

  for (guint i = 0; i < self->draft->members->len; i++)
    gtk_list_box_append (self->members_list,
                         make_member_row (self, g_ptr_array_index (self->draft->members, i)));
}

static void
add_member (AnjuKioskApplyScreen *self,
            AnjuKioskMember      *member)
{
  g_ptr_array_add (self->draft->members, member);
  show_members (self);
  show_message (self->members_error_label, NULL);
}

static void
remove_member_clicked_cb (GtkButton            *button,
                          AnjuKioskApplyScreen *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (index < 0 || (guint) index >= self->draft->members->len)
    return;

  g_ptr_array_remove_index (self->draft->members, index);
  show_members (self);
}

static void
read_member_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (widget);

  gtk_widget_set_visible (self->member_manual_box, FALSE);
  start_card_polling (self, CARD_FOR_MEMBER);
}

static void
manual_member_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (widget);

  stop_card_polling (self);
  gtk_widget_set_visible (self->member_manual_box, TRUE);
  gtk_label_set_label (self->member_status_label, _("Enter the member's name and ID number."));
  gtk_widget_grab_focus (GTK_WIDGET (self->member_name_entry));
}

static void
add_member_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (widget);
  g_autofree char *name = stripped_entry_text (self->member_name_entry);
  g_autofree char *id_no = stripped_entry_text (self->member_id_entry);
  const char *relation = selected_relation (self);
  g_autoptr(GError) error = NULL;
  AnjuKioskMember *member;

  if (relation == NULL)
    {
      show_message (self->members_error_label, _("Please choose the member's relation to you."));
      return;
    }
  member = build_manual_member (name, id_no, relation, self->codes, &error);
  if (member == NULL)
    {
      show_message (self->members_error_label, error->message);
      return;
    }
  if (anju_kiosk_apply_draft_has_person (self->draft, member->id_no))
    {
      anju_kiosk_member_free (member);
      show_message (self->members_error_label, _("This person is already in the household."));
      return;
    }

  add_member (self, member);
  clear_entry (self->member_name_entry);
  clear_entry (self->member_id_entry);
  gtk_widget_set_visible (self->member_manual_box, FALSE);
  gtk_label_set_label (self->member_status_label, _("The member has been added."));
}

/* ---- review ------------------------------------------------------- */

static void
show_review (AnjuKioskApplyScreen *self)
{
  AnjuKioskApplyDraft *draft = self->draft;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *county = NULL;

  for (guint i = 0; i < anju_kiosk_counties_get_n (); i++)
    if (g_strcmp0 (anju_kiosk_counties_get_code (i), draft->hukou_county_code) == 0)
      county = anju_kiosk_counties_get_name (i);

  g_string_append_printf (text, "%s: %s\n", _("Business type"),
                          business_type_label (draft->business_type));
  if (draft->applicant != NULL)
    {
      g_string_append_printf (text, "%s: %s\n", _("Name"), draft->applicant->name);
      g_string_append_printf (text, "%s: %s\n", _("ID number"), draft->applicant->id_no);
    }
  g_string_append_printf (text, "%s: %s\n", _("Mobile phone"), draft->phone ? draft->phone : "");
  g_string_append_printf (text, "%s: %s\n", _("Hukou district or county"), county ? county : "");
  if (draft->income_per_capita != NULL)
    g_string_append_printf (text, "%s: %s\n", _("Yearly household income per person (yuan)"),
                            draft->income_per_capita);
  if (draft->area_per_capita != NULL)
    g_string_append_printf (text, "%s: %s\n", _("Housing floor area per person (m²)"),
                            draft->area_per_capita);
  /* Translators: the number of people in the household */
  g_string_append_printf (text, _("Household: %u people"),
                          anju_kiosk_apply_draft_household_size (draft));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, "%s: %s\n", _("Photo"),
                          draft->face_jpeg != NULL ? _("taken") : _("not taken"));
  g_string_append_printf (text, "%s: %s", _("Fingerprint"),
                          draft->fingerprint != NULL ? _("taken") : _("not taken"));

  gtk_label_set_label (self->review_label, text->str);
}

/* ---- navigation --------------------------------------------------- */

static gboolean
step_complete (AnjuKioskApplyScreen *self,
               AnjuKioskApplyStep    step)
{
  switch (step)
    {
    case ANJU_KIOSK_APPLY_STEP_TYPE:
      return self->draft->business_type != NULL
             && gtk_check_button_get_active (self->consent_check)
             && self->codes != NULL;
    case ANJU_KIOSK_APPLY_STEP_CARD:
      return self->draft->applicant != NULL || self->manual_entry;
    case ANJU_KIOSK_APPLY_STEP_FACE:
      /* Without a camera the photo is taken at the street office. */
      return self->draft->face_jpeg != NULL || self->camera_unavailable;
    case ANJU_KIOSK_APPLY_STEP_FINGER:
      return self->draft->fingerprint != NULL
             || anju_kiosk_devices_get_fingerprint (get_devices (self)) == NULL
             || self->finger_failed;
    case ANJU_KIOSK_APPLY_STEP_DETAILS:
    case ANJU_KIOSK_APPLY_STEP_MEMBERS:
      return TRUE;
    case ANJU_KIOSK_APPLY_STEP_REVIEW:
    case ANJU_KIOSK_APPLY_STEP_DONE:
    default:
      return FALSE;
    }
}

static void
update_actions (AnjuKioskApplyScreen *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AnjuKioskApplyStep step = self->step;
  gboolean busy = self->submitting;

  gtk_widget_action_set_enabled (widget, "apply.next", !busy && step_complete (self, step));
  gtk_widget_action_set_enabled (widget, "apply.back",
                                 !busy && step > ANJU_KIOSK_APPLY_STEP_TYPE
                                 && step < ANJU_KIOSK_APPLY_STEP_DONE && !self->submitted);
  gtk_widget_action_set_enabled (widget, "apply.cancel", !busy && step < ANJU_KIOSK_APPLY_STEP_DONE);
  gtk_widget_action_set_enabled (widget, "apply.retry-card", self->card_failed);
  gtk_widget_action_set_enabled (widget, "apply.manual-entry", self->card_failed);
  gtk_widget_action_set_enabled (widget, "apply.capture",
                                 camera_has_picture (self) && self->photo_jpeg == NULL);
  gtk_widget_action_set_enabled (widget, "apply.retake",
                                 self->photo_jpeg != NULL || self->draft->face_jpeg != NULL);
  gtk_widget_action_set_enabled (widget, "apply.confirm-photo", self->photo_jpeg != NULL);
  gtk_widget_action_set_enabled (widget, "apply.retry-finger", self->finger_failed);
  gtk_widget_action_set_enabled (widget, "apply.read-member", self->codes != NULL);
  gtk_widget_action_set_enabled (widget, "apply.manual-member", self->codes != NULL);
  gtk_widget_action_set_enabled (widget, "apply.add-member", self->codes != NULL);
  gtk_widget_action_set_enabled (widget, "apply.submit",
                                 !busy && step == ANJU_KIOSK_APPLY_STEP_REVIEW);
  gtk_widget_action_set_enabled (widget, "apply.print",
                                 step == ANJU_KIOSK_APPLY_STEP_DONE && self->application_no != NULL);
  gtk_widget_action_set_enabled (widget, "apply.finish", step == ANJU_KIOSK_APPLY_STEP_DONE);

  gtk_widget_set_visible (self->income_label, g_strcmp0 (self->draft->business_type, "open_physical") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->income_entry),
                          g_strcmp0 (self->draft->business_type, "open_physical") == 0);
  gtk_widget_set_visible (self->area_label, g_strcmp0 (self->draft->business_type, "open_physical") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->area_entry),
                          g_strcmp0 (self->draft->business_type, "open_physical") == 0);
}

static void
leave_step (AnjuKioskApplyScreen *self)
{
  switch (self->step)
    {
    case ANJU_KIOSK_APPLY_STEP_CARD:
    case ANJU_KIOSK_APPLY_STEP_MEMBERS:
      stop_card_polling (self);
      break;
    case ANJU_KIOSK_APPLY_STEP_FACE:
      stop_camera (self);
      break;
    case ANJU_KIOSK_APPLY_STEP_TYPE:
    case ANJU_KIOSK_APPLY_STEP_DETAILS:
    case ANJU_KIOSK_APPLY_STEP_FINGER:
    case ANJU_KIOSK_APPLY_STEP_REVIEW:
    case ANJU_KIOSK_APPLY_STEP_DONE:
    default:
      break;
    }
}

static void
enter_step (AnjuKioskApplyScreen *self)
{
  switch (self->step)
    {
    case ANJU_KIOSK_APPLY_STEP_CARD:
      if (self->draft->applicant == NULL && !self->manual_entry)
        start_card_polling (self, CARD_FOR_APPLICANT);
      break;
    case ANJU_KIOSK_APPLY_STEP_FACE:
      if (self->draft->face_jpeg == NULL && self->photo_jpeg == NULL)
        start_camera (self);
      break;
    case ANJU_KIOSK_APPLY_STEP_FINGER:
      start_fingerprint (self);
      break;
    case ANJU_KIOSK_APPLY_STEP_MEMBERS:
      show_members (self);
      break;
    case ANJU_KIOSK_APPLY_STEP_REVIEW:
      show_review (self);
      break;
    case ANJU_KIOSK_APPLY_STEP_TYPE:
    case ANJU_KIOSK_APPLY_STEP_DETAILS:
    case ANJU_KIOSK_APPLY_STEP_DONE:
    default:
      break;
    }
}

static void
go_to_step (AnjuKioskApplyScreen *self,
            AnjuKioskApplyStep    step)
{
  g_autofree char *title = NULL;
  int shown = MIN (step, ANJU_KIOSK_APPLY_STEP_REVIEW) + 1;

  leave_step (self);
  self->step = step;
  gtk_stack_set_visible_child_name (self->step_stack, step_names[step]);
  /* Translators: "Step 2 of 7: ID card" */
  title = g_strdup_printf (_("Step %1$d of %2$d: %3$s"), shown, ANJU_KIOSK_APPLY_STEP_REVIEW + 1,
                           _(step_titles[step]));
  gtk_label_set_label (self->step_label, step == ANJU_KIOSK_APPLY_STEP_DONE ? _(step_titles[step]) : title);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 (double) step / (ANJU_KIOSK_APPLY_N_STEPS - 1));
  enter_step (self);
  update_actions (self);
}

static void
business_type_toggled_cb (AnjuKioskApplyScreen *self)
{
  const char *type = NULL;

  if (gtk_toggle_button_get_active (self->physical_button))
    type = "open_physical";
  else if (gtk_toggle_button_get_active (self->subsidy_button))
    type = "open_subsidy";

  anju_kiosk_wipe_string (&self->draft->business_type);
  self->draft->business_type = g_strdup (type);
  update_actions (self);
}

static void
consent_toggled_cb (AnjuKioskApplyScreen *self)
{
  update_actions (self);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (widget);

  show_message (error_label_for_step (self, self->step), NULL);
  if (self->step == ANJU_KIOSK_APPLY_STEP_CARD && self->manual_entry && !take_manual_applicant (self))
    return;
  if (self->step == ANJU_KIOSK_APPLY_STEP_DETAILS && !take_details (self))
    return;
  if (self->step < ANJU_KIOSK_APPLY_STEP_REVIEW)
    go_to_step (self, self->step + 1);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (widget);

  if (self->step > ANJU_KIOSK_APPLY_STEP_TYPE)
    go_to_step (self, self->step - 1);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (widget);

  anju_kiosk_context_go_home (self->context);
}

static void
finish_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cancel_activated (widget, action_name, parameter);
}

static void
retry_card_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (widget);

  gtk_widget_set_visible (self->card_failure_box, FALSE);
  start_card_polling (self, CARD_FOR_APPLICANT);
  update_actions (self);
}

static void
manual_entry_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (widget);

  stop_card_polling (self);
  self->manual_entry = TRUE;
  set_entries_editable (self, TRUE);
  gtk_label_set_label (self->card_status_label,
                       _("Staff: enter the details from the ID card, then tap “Next”."));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  update_actions (self);
}

/* ---- submitting --------------------------------------------------- */

static const char *
field_label (const char *field)
{
  static const struct
  {
    const char *field;
    const char *label;
  } labels[] = {
    { "business_type", N_("Business type") },
    { "applicant_name", N_("Name") },
    { "id_no", N_("ID number") },
    { "name", N_("Name") },
    { "relation", N_("Relation to the applicant") },
    { "phone", N_("Mobile phone") },
    { "hukou_county_code", N_("Hukou district or county") },
    { "annual_income_per_capita", N_("Yearly household income per person (yuan)") },
    { "annual_income_total", N_("Yearly household income per person (yuan)") },
    { "floor_area_per_capita", N_("Housing floor area per person (m²)") },
    { "floor_area_total", N_("Housing floor area per person (m²)") },
    { "marital_status", N_("Marital status") },
    { "household_size", N_("Household") },
    { "gender", N_("Sex") },
    { "birth_date", N_("Date of birth") },
    { "ethnicity", N_("Ethnic group") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (field, labels[i].field))
      return _(labels[i].label);

  return field;
}

/* "members[2].id_no" → "Member 2, ID number"; the applicant is 0. */
static char *
describe_field (const char *field)
{
  guint64 index;
  char *rest = NULL;

  if (!g_str_has_prefix (field, "members["))
    return g_strdup (field_label (field));

  index = g_ascii_strtoull (field + strlen ("members["), &rest, 10);
  if (rest == NULL || !g_str_has_prefix (rest, "]."))
    return g_strdup (field_label (field));
  if (index == 0)
    return g_strdup (field_label (rest + 2));

  /* Translators: %1$u numbers the household member, %2$s names the field */
  return g_strdup_printf (_("Member %1$u, %2$s"), (guint) index, field_label (rest + 2));
}

/* Each field's message on the step that holds it; shows the first
 * such step. */
static void
show_field_errors (AnjuKioskApplyScreen *self,
                   JsonObject           *fields)
{
  GString *texts[ANJU_KIOSK_APPLY_N_STEPS] = { NULL, };
  g_autoptr(GList) members = json_object_get_members (fields);
  AnjuKioskApplyStep first = ANJU_KIOSK_APPLY_STEP_DONE;

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *field = l->data;
      AnjuKioskApplyStep step = anju_kiosk_apply_step_for_field (field);
      g_autofree char *label = describe_field (field);
      const char *message = anju_json_get_string (fields, field);

      if (texts[step] == NULL)
        texts[step] = g_string_new (NULL);
      else
        g_string_append_c (texts[step], '\n');
      g_string_append_printf (texts[step], "%s: %s", label, message != NULL ? message : "");
      first = MIN (first, step);
    }

  for (int step = 0; step < ANJU_KIOSK_APPLY_N_STEPS; step++)
    if (texts[step] != NULL)
      {
        show_message (error_label_for_step (self, step), texts[step]->str);
        g_string_free (texts[step], TRUE);
      }

  if (first < ANJU_KIOSK_APPLY_STEP_DONE)
    go_to_step (self, first);
}

/* A 409 names its field first ("members[1].id_no: …"). */
static gboolean
show_conflict (AnjuKioskApplyScreen *self,
               const GError         *error)
{
  const char *colon = strstr (error->message, ": ");
  g_autofree char *field = NULL;
  g_autoptr(JsonObject) fields = NULL;

  if (colon == NULL || strchr (error->message, ' ') < colon)
    return FALSE;

  field = g_strndup (error->message, colon - error->message);
  fields = json_object_new ();
  json_object_set_string_member (fields, field, colon + 2);
  show_field_errors (self, fields);
  return TRUE;
}

static void
submit_failed (AnjuKioskApplyScreen *self,
               const GError         *error)
{
  JsonObject *fields = anju_api_client_get_last_error_fields (get_api (self));

  self->submitting = FALSE;
  update_actions (self);

  if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_VALIDATION) && fields != NULL
      && json_object_get_size (fields) > 0)
    {
      show_field_errors (self, fields);
      return;
    }
  if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_CONFLICT) && show_conflict (self, error))
    return;

  {
    g_autofree char *message = anju_error_message_for (error, NULL);

    show_message (self->review_error_label, message);
  }
}

static char *
format_submitted_at (const char *iso)
{
  g_autoptr(GDateTime) at = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;

  if (at == NULL)
    return g_strdup (iso != NULL ? iso : "");

  return g_date_time_format (at, "%Y-%m-%d %H:%M");
}

static void
show_result (AnjuKioskApplyScreen *self,
             JsonObject           *application)
{
  const char *status = anju_json_get_string (application, "status");
  const char *status_label = anju_json_get_string (application, "status_label");
  JsonObject *prereview = anju_json_get_object (application, "prereview");
  JsonArray *checks = anju_json_get_array (prereview, "checks");
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: %s is the application's status ("街道审核") */
  g_string_append_printf (text, _("Status: %s"), status_label != NULL ? status_label : "");
  if (g_strcmp0 (status, "prereview_failed") == 0)
    {
      g_string_append_printf (text, "\n%s", _("The application does not meet these conditions:"));
      for (guint i = 0; checks != NULL && i < json_array_get_length (checks); i++)
        {
          JsonObject *check = json_array_get_object_element (checks, i);

          if (!anju_json_get_boolean (check, "passed", TRUE))
            g_string_append_printf (text, "\n%s: %s", anju_json_get_string (check, "name"),
                                    anju_json_get_string (check, "reason"));
        }
    }
  else
    g_string_append_printf (text, "\n%s", _("Please bring the originals of your documents to the street office for checking."));

  gtk_label_set_label (self->result_label, text->str);
}

static void
print_receipt (AnjuKioskApplyScreen *self)
{
  AnjuPrinter *printer = anju_kiosk_devices_get_printer (get_devices (self));
  JsonObject *home = anju_kiosk_context_get_home (self->context);
  const char *terminal = anju_json_get_string (anju_json_get_object (home, "terminal"), "name");
  g_autoptr(GError) error = NULL;
  g_autofree char *at = format_submitted_at (self->submitted_at);

  if (printer == NULL)
    {
      gtk_label_set_label (self->print_label, _("This terminal has no printer: please note the number."));
      return;
    }

  if (!anju_kiosk_receipt_print (printer, anju_kiosk_context_get_window (self->context),
                                 self->application_no,
                                 self->draft->applicant != NULL ? self->draft->applicant->name : "",
                                 business_type_label (self->draft->business_type),
                                 at, terminal, self->qr_png, &error))
    {
      /* Translators: %s says what went wrong with the printer */
      g_autofree char *message = g_strdup_printf (_("The receipt could not be printed: %s"),
                                                  error->message);

      gtk_label_set_label (self->print_label, message);
      return;
    }

  gtk_label_set_label (self->print_label, _("Please take your receipt."));
}

static void
qr_downloaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AnjuKioskApplyScreen *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;

  png = anju_api_client_download_finish (ANJU_API_CLIENT (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANJU_KIOSK_APPLY_SCREEN (user_data);
  /* Without the code the receipt still carries the number. */
  if (png == NULL)
    g_warning ("No QR code for application %" G_GINT64_FORMAT ": %s",
               self->application_id, error->message);
  g_clear_pointer (&self->qr_png, g_bytes_unref);
  self->qr_png = g_steal_pointer (&png);
  print_receipt (self);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  print_receipt (ANJU_KIOSK_APPLY_SCREEN (widget));
}

static void
finish_submit (AnjuKioskApplyScreen *self)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/kiosk/applications/%" G_GINT64_FORMAT "/qr",
                                           self->application_id);

  self->submitting = FALSE;
  gtk_label_set_label (self->number_label, self->application_no);
  gtk_label_set_label (self->print_label, _("Printing your receipt…"));
  go_to_step (self, ANJU_KIOSK_APPLY_STEP_DONE);
  anju_api_client_download_async (get_api (self), path, self->cancellable, qr_downloaded_cb, self);
}

static void
capture_sent_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AnjuKioskApplyScreen *self;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANJU_KIOSK_APPLY_SCREEN (user_data);
  if (node == NULL)
    {
      g_autofree char *reason = anju_error_message_for (error, NULL);
      /* Translators: %s is why the server did not take the photo or fingerprint */
      g_autofree char *message = g_strdup_printf (_("The photo and fingerprint were not sent: %s Please tap “Submit application” again."),
                                                  reason);

      self->submitting = FALSE;
      show_message (self->review_error_label, message);
      update_actions (self);
      return;
    }

  if (!self->face_sent && self->draft->face_jpeg != NULL)
    self->face_sent = TRUE;
  else
    self->fingerprint_sent = TRUE;
  continue_submit (self);
}

static void
send_capture (AnjuKioskApplyScreen *self,
              const char           *kind,
              const char           *format,
              GBytes               *data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (data, NULL), g_bytes_get_size (data));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "application_id");
  json_builder_add_int_value (builder, self->application_id);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, format);
  json_builder_set_member_name (builder, "data");
  json_builder_add_string_value (builder, base64);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  anju_kiosk_wipe_string (&base64);

  anju_api_client_request_async (get_api (self), "POST", "/api/v1/kiosk/captures", body,
                                 self->cancellable, capture_sent_cb, self);
}

static void
application_submitted_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  AnjuKioskApplyScreen *self;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *application;

  node = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANJU_KIOSK_APPLY_SCREEN (user_data);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      submit_failed (self, error);
      return;
    }

  application = json_node_get_object (node);
  self->submitted = TRUE;
  g_free (self->submitted_at);
  self->submitted_at = g_strdup (anju_json_get_string (application, "submitted_at"));
  show_result (self, application);
  continue_submit (self);
}

static void
application_saved_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  AnjuKioskApplyScreen *self;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *application;

  node = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = ANJU_KIOSK_APPLY_SCREEN (user_data);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      submit_failed (self, error);
      return;
    }

  application = json_node_get_object (node);
  self->application_id = anju_json_get_int (application, "id", 0);
  g_free (self->application_no);
  self->application_no = g_strdup (anju_json_get_string (application, "application_no"));

  {
    g_autofree char *path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT "/submit",
                                             self->application_id);

    anju_api_client_request_async (get_api (self), "POST", path, NULL, self->cancellable,
                                   application_submitted_cb, self);
  }
}

/* Each stage is done once: a retry after a failure (a field the server
 * refused, a lost connection) resumes where it stopped.  A draft that
 * exists already is corrected with PATCH rather than made twice. */
static void
continue_submit (AnjuKioskApplyScreen *self)
{
  if (!self->submitted)
    {
      g_autoptr(JsonNode) body = anju_kiosk_apply_draft_to_json (self->draft);
      g_autofree char *path = NULL;

      if (self->application_id == 0)
        {
          anju_api_client_request_async (get_api (self), "POST", "/api/v1/pubrent/applications",
                                         body, self->cancellable, application_saved_cb, self);
          return;
        }

      path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT, self->application_id);
      anju_api_client_request_async (get_api (self), "PATCH", path, body, self->cancellable,
                                     application_saved_cb, self);
      return;
    }

  if (!self->face_sent && self->draft->face_jpeg != NULL)
    {
      send_capture (self, "face", "jpeg", self->draft->face_jpeg);
      return;
    }
  if (!self->fingerprint_sent && self->draft->fingerprint != NULL)
    {
      send_capture (self, "fingerprint", "fprint", self->draft->fingerprint);
      return;
    }

  finish_submit (self);
}

static void
submit_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (widget);

  clear_step_errors (self);
  self->submitting = TRUE;
  update_actions (self);
  continue_submit (self);
}

/* ---- reset -------------------------------------------------------- */

static void
wipe (AnjuKioskApplyScreen *self)
{
  GtkEntry *entries[] = {
    self->name_entry, self->id_no_entry, self->sex_entry, self->nation_entry,
    self->birth_entry, self->address_entry, self->phone_entry, self->income_entry,
    self->area_entry, self->member_name_entry, self->member_id_entry,
  };
  GtkLabel *labels[] = {
    self->card_status_label, self->face_status_label, self->finger_status_label,
    self->member_status_label, self->review_label, self->number_label, self->result_label,
    self->print_label,
  };

  /* Stop everything that could still write into the form. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  stop_card_polling (self);
  self->card_reading = FALSE;
  self->card_failed = FALSE;
  stop_camera (self);
  self->camera_unavailable = FALSE;
  self->finger_busy = FALSE;
  self->finger_failed = FALSE;

  g_clear_pointer (&self->draft, anju_kiosk_apply_draft_wipe);
  self->draft = anju_kiosk_apply_draft_new ();
  anju_kiosk_wipe_bytes (&self->photo_jpeg);
  anju_kiosk_wipe_bytes (&self->qr_png);
  anju_kiosk_wipe_string (&self->application_no);
  anju_kiosk_wipe_string (&self->submitted_at);
  self->application_id = 0;
  self->submitted = FALSE;
  self->face_sent = FALSE;
  self->fingerprint_sent = FALSE;
  self->submitting = FALSE;
  self->manual_entry = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    clear_entry (entries[i]);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_label_set_label (labels[i], "");
  clear_step_errors (self);
  set_entries_editable (self, FALSE);
  gtk_widget_set_visible (self->card_failure_box, FALSE);
  gtk_widget_set_visible (self->member_manual_box, FALSE);
  gtk_picture_set_paintable (self->photo_picture, NULL);
  gtk_toggle_button_set_active (self->physical_button, FALSE);
  gtk_toggle_button_set_active (self->subsidy_button, FALSE);
  gtk_check_button_set_active (self->consent_check, FALSE);
  gtk_drop_down_set_selected (self->county_dropdown, 0);
  gtk_drop_down_set_selected (self->marital_dropdown, 0);
  gtk_drop_down_set_selected (self->relation_dropdown, 0);
  gtk_progress_bar_set_fraction (self->finger_progress, 0.0);
  gtk_progress_bar_set_text (self->finger_progress, NULL);
  show_members (self);
}

static void
anju_kiosk_apply_screen_activate (AnjuKioskScreen *screen)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (screen);

  if (self->codes == NULL)
    load_codes (self);
  go_to_step (self, ANJU_KIOSK_APPLY_STEP_TYPE);
}

static void
anju_kiosk_apply_screen_reset (AnjuKioskScreen *screen)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (screen);

  wipe (self);
  go_to_step (self, ANJU_KIOSK_APPLY_STEP_TYPE);
}

static void
anju_kiosk_apply_screen_iface_init (AnjuKioskScreenInterface *iface)
{
  iface->activate = anju_kiosk_apply_screen_activate;
  iface->reset = anju_kiosk_apply_screen_reset;
}

/* ---- GObject ------------------------------------------------------ */

static void
anju_kiosk_apply_screen_constructed (GObject *object)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (object);
  AnjuFingerprint *fingerprint;
  AnjuCamera *camera;

  G_OBJECT_CLASS (anju_kiosk_apply_screen_parent_class)->constructed (object);

  g_return_if_fail (self->context != NULL);

  camera = anju_kiosk_devices_get_camera (get_devices (self));
  if (camera != NULL)
    g_signal_connect_object (anju_camera_get_paintable (camera), "invalidate-size",
                             G_CALLBACK (camera_size_changed_cb), self, G_CONNECT_SWAPPED);

  fingerprint = anju_kiosk_devices_get_fingerprint (get_devices (self));
  if (fingerprint != NULL)
    {
      g_signal_connect_object (fingerprint, "enroll-progress",
                               G_CALLBACK (enroll_progress_cb), self, 0);
      g_signal_connect_object (fingerprint, "retry", G_CALLBACK (enroll_retry_cb), self, 0);
    }

  fill_choosers (self);
  go_to_step (self, ANJU_KIOSK_APPLY_STEP_TYPE);
}

static void
anju_kiosk_apply_screen_dispose (GObject *object)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  stop_card_polling (self);
  if (self->context != NULL)
    stop_camera (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_KIOSK_APPLY_SCREEN);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (anju_kiosk_apply_screen_parent_class)->dispose (object);
}

static void
anju_kiosk_apply_screen_finalize (GObject *object)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->codes, json_object_unref);
  g_clear_pointer (&self->draft, anju_kiosk_apply_draft_wipe);
  anju_kiosk_wipe_bytes (&self->photo_jpeg);
  anju_kiosk_wipe_bytes (&self->qr_png);
  anju_kiosk_wipe_string (&self->application_no);
  anju_kiosk_wipe_string (&self->submitted_at);

  G_OBJECT_CLASS (anju_kiosk_apply_screen_parent_class)->finalize (object);
}

static void
anju_kiosk_apply_screen_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_kiosk_apply_screen_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AnjuKioskApplyScreen *self = ANJU_KIOSK_APPLY_SCREEN (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_kiosk_apply_screen_class_init (AnjuKioskApplyScreenClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_kiosk_apply_screen_constructed;
  object_class->dispose = anju_kiosk_apply_screen_dispose;
  object_class->finalize = anju_kiosk_apply_screen_finalize;
  object_class->get_property = anju_kiosk_apply_screen_get_property;
  object_class->set_property = anju_kiosk_apply_screen_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/Kiosk/ui/anju-kiosk-apply-screen.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, step_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, step_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, physical_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, subsidy_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, consent_check);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, type_error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, card_status_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, card_failure_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, name_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, id_no_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, sex_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, nation_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, birth_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, address_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, card_error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, county_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, income_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, income_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, area_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, area_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, marital_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, details_error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, face_status_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, face_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, camera_picture);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, photo_picture);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, finger_status_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, finger_progress);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, members_list);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, relation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, member_manual_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, member_name_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, member_id_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, member_status_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, members_error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, review_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, review_error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, number_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, result_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskApplyScreen, print_label);
  gtk_widget_class_bind_template_callback (widget_class, business_type_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, consent_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, manual_card_changed_cb);

  gtk_widget_class_install_action (widget_class, "apply.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "apply.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "apply.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "apply.retry-card", NULL, retry_card_activated);
  gtk_widget_class_install_action (widget_class, "apply.manual-entry", NULL, manual_entry_activated);
  gtk_widget_class_install_action (widget_class, "apply.capture", NULL, capture_activated);
  gtk_widget_class_install_action (widget_class, "apply.retake", NULL, retake_activated);
  gtk_widget_class_install_action (widget_class, "apply.confirm-photo", NULL, confirm_photo_activated);
  gtk_widget_class_install_action (widget_class, "apply.retry-finger", NULL, retry_finger_activated);
  gtk_widget_class_install_action (widget_class, "apply.read-member", NULL, read_member_activated);
  gtk_widget_class_install_action (widget_class, "apply.manual-member", NULL, manual_member_activated);
  gtk_widget_class_install_action (widget_class, "apply.add-member", NULL, add_member_activated);
  gtk_widget_class_install_action (widget_class, "apply.submit", NULL, submit_activated);
  gtk_widget_class_install_action (widget_class, "apply.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "apply.finish", NULL, finish_activated);
}

static void
anju_kiosk_apply_screen_init (AnjuKioskApplyScreen *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->draft = anju_kiosk_apply_draft_new ();
}

const char *
anju_kiosk_apply_screen_get_step_name (AnjuKioskApplyScreen *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_APPLY_SCREEN (self), NULL);

  return step_names[self->step];
}

const char *
anju_kiosk_apply_screen_get_application_no (AnjuKioskApplyScreen *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_APPLY_SCREEN (self), NULL);

  return self->application_no;
}
