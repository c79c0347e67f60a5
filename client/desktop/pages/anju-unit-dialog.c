/* anju-unit-dialog.c: create a unit, or change one. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-field-error.h"
#include "anju-housing-labels.h"
#include "anju-load-all.h"
#include "anju-unit-dialog-private.h"

enum {
  SLOT_UNIT_NO,
  SLOT_PROJECT,
  SLOT_BUILDING,
  SLOT_ENTRANCE,
  SLOT_ROOM_NO,
  SLOT_FLOOR,
  SLOT_LAYOUT,
  SLOT_ROOM_COUNT,
  SLOT_FLOOR_AREA,
  SLOT_INNER_AREA,
  SLOT_ORIENTATION,
  SLOT_MONTHLY_RENT,
  SLOT_FACILITIES,
  SLOT_STATE,
  N_SLOTS
};

struct _AnjuUnitDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkButton     *save_button;
  GtkSpinner    *spinner;
  GtkLabel      *error_label;
  AdwEntryRow   *unit_no_row;
  GtkLabel      *unit_no_error;
  AdwComboRow   *project_row;
  GtkLabel      *project_error;
  AdwComboRow   *building_row;
  GtkLabel      *building_error;
  AdwEntryRow   *entrance_row;
  GtkLabel      *entrance_error;
  AdwEntryRow   *room_no_row;
  GtkLabel      *room_no_error;
  AdwEntryRow   *floor_row;
  GtkLabel      *floor_error;
  AdwComboRow   *layout_row;
  GtkLabel      *layout_error;
  AdwEntryRow   *room_count_row;
  GtkLabel      *room_count_error;
  AdwEntryRow   *floor_area_row;
  GtkLabel      *floor_area_error;
  AdwEntryRow   *inner_area_row;
  GtkLabel      *inner_area_error;
  AdwEntryRow   *orientation_row;
  GtkLabel      *orientation_error;
  AdwEntryRow   *monthly_rent_row;
  GtkLabel      *monthly_rent_error;
  AdwEntryRow   *facilities_row;
  GtkLabel      *facilities_error;
  AdwComboRow   *state_row;
  GtkLabel      *state_error;

  /* Owned */
  AnjuApiClient *client;          /* (owned) */
  AnjuRecord    *unit;            /* (owned) (nullable) NULL when creating */
  GListModel    *projects;        /* (owned) of AnjuRecord */
  GListStore    *buildings;       /* (owned) of AnjuRecord, of the chosen project */
  GCancellable  *cancellable;     /* (owned) (nullable) the save in flight */
  GCancellable  *buildings_load;  /* (owned) (nullable) */
  gint64         project_id;      /* chosen first */

  /* Where the server's field messages go */
  AnjuFieldSlot  slots[N_SLOTS];
};

G_DEFINE_FINAL_TYPE (AnjuUnitDialog, anju_unit_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_UNIT,
  PROP_PROJECTS,
  PROP_PROJECT_ID,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_creating (AnjuUnitDialog *self)
{
  return self->unit == NULL;
}

static char *
stripped_text_of (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_busy (AnjuUnitDialog *self,
          gboolean        busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static AnjuRecord *
selected_record (AdwComboRow *row)
{
  gpointer item = adw_combo_row_get_selected_item (row);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static const char *
selected_code (AdwComboRow        *row,
               const char * const *codes)
{
  guint position = adw_combo_row_get_selected (row);

  return position < g_strv_length ((char **) codes) ? codes[position] : NULL;
}

static void
select_code (AdwComboRow        *row,
             const char * const *codes,
             const char         *code)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      adw_combo_row_set_selected (row, i);
}

/* Numbers that must be whole: TRUE when the row is empty and may be,
 * or holds one; *out_value 0 when empty. */
static gboolean
parse_count (AnjuUnitDialog *self,
             guint           slot,
             AdwEntryRow    *row,
             gboolean        required,
             gint64         *out_value)
{
  g_autofree char *text = stripped_text_of (row);

  *out_value = 0;
  if (*text == '\0' && !required)
    return TRUE;
  if (*text != '\0' && g_ascii_string_to_signed (text, 10, -10, 999, out_value, NULL))
    return TRUE;

  anju_field_error_set (&self->slots[slot], _("Enter a whole number."));
  return FALSE;
}

static gboolean
require_text (AnjuUnitDialog *self,
              guint           slot,
              AdwEntryRow    *row)
{
  g_autofree char *text = stripped_text_of (row);

  if (*text != '\0')
    return TRUE;

  anju_field_error_set (&self->slots[slot], _("This is required."));
  return FALSE;
}

/* What the server checks anyway, checked first so that every problem
 * shows at once; amounts and areas are the server's to judge. */
static gboolean
check_input (AnjuUnitDialog *self)
{
  gint64 number;
  gboolean ok = TRUE;

  if (is_creating (self))
    {
      ok &= require_text (self, SLOT_UNIT_NO, self->unit_no_row);
      ok &= require_text (self, SLOT_ROOM_NO, self->room_no_row);
      ok &= parse_count (self, SLOT_FLOOR, self->floor_row, TRUE, &number);
      if (selected_record (self->project_row) == NULL)
        {
          anju_field_error_set (&self->slots[SLOT_PROJECT], _("Choose a project."));
          ok = FALSE;
        }
      if (selected_record (self->building_row) == NULL)
        {
          anju_field_error_set (&self->slots[SLOT_BUILDING], _("Choose a building; add buildings on the projects page."));
          ok = FALSE;
        }
    }

  ok &= parse_count (self, SLOT_ROOM_COUNT, self->room_count_row, FALSE, &number);
  ok &= require_text (self, SLOT_FLOOR_AREA, self->floor_area_row);
  ok &= require_text (self, SLOT_MONTHLY_RENT, self->monthly_rent_row);

  return ok;
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* An optional text: left out of a new unit when empty, null (cleared)
 * in a change. */
static void
add_optional (AnjuUnitDialog *self,
              JsonBuilder    *builder,
              const char     *member,
              AdwEntryRow    *row)
{
  g_autofree char *text = stripped_text_of (row);

  if (*text != '\0')
    add_string (builder, member, text);
  else if (!is_creating (self))
    {
      json_builder_set_member_name (builder, member);
      json_builder_add_null_value (builder);
    }
}

static void
add_place (AnjuUnitDialog *self,
           JsonBuilder    *builder)
{
  g_autofree char *unit_no = stripped_text_of (self->unit_no_row);
  g_autofree char *room_no = stripped_text_of (self->room_no_row);
  g_autofree char *floor = stripped_text_of (self->floor_row);
  gint64 floor_value = 0;

  add_string (builder, "unit_no", unit_no);
  add_int (builder, "project_id", anju_record_get_id (selected_record (self->project_row)));
  add_int (builder, "building_id", anju_record_get_id (selected_record (self->building_row)));
  add_optional (self, builder, "entrance", self->entrance_row);
  add_string (builder, "room_no", room_no);
  g_ascii_string_to_signed (floor, 10, -10, 999, &floor_value, NULL);
  add_int (builder, "floor", floor_value);
}

static JsonNode *
build_body (AnjuUnitDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *room_count = stripped_text_of (self->room_count_row);
  g_autofree char *floor_area = stripped_text_of (self->floor_area_row);
  g_autofree char *monthly_rent = stripped_text_of (self->monthly_rent_row);
  gint64 count = 0;

  json_builder_begin_object (builder);

  if (is_creating (self))
    add_place (self, builder);

  add_string (builder, "layout", selected_code (self->layout_row, anju_unit_layout_codes ()));
  if (*room_count != '\0' && g_ascii_string_to_signed (room_count, 10, -10, 999, &count, NULL))
    add_int (builder, "room_count", count);
  add_string (builder, "floor_area", floor_area);
  add_optional (self, builder, "inner_area", self->inner_area_row);
  add_optional (self, builder, "orientation", self->orientation_row);
  add_string (builder, "monthly_rent", monthly_rent);
  add_optional (self, builder, "facilities", self->facilities_row);
  add_string (builder, "state", selected_code (self->state_row, anju_unit_state_codes ()));

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuUnitDialog) self = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(AnjuRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  node = anju_api_client_request_finish (client, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  record = anju_field_errors_saved_record (self->slots, N_SLOTS, client, node, error, self->error_label);
  if (record == NULL)
    return;

  g_signal_emit (self, signals[SAVED], 0, record);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (AnjuUnitDialog *self)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  if (self->cancellable != NULL)
    return;

  anju_field_errors_clear (self->slots, N_SLOTS);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (!check_input (self))
    return;

  body = build_body (self);
  path = is_creating (self)
         ? g_strdup ("/api/v1/pubrent/units")
         : g_strdup_printf ("/api/v1/pubrent/units/%" G_GINT64_FORMAT, anju_record_get_id (self->unit));

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  anju_api_client_request_async (self->client, is_creating (self) ? "POST" : "PATCH", path, body,
                                 self->cancellable, save_cb, g_object_ref (self));
}

/* Buildings of the chosen project */

static void
buildings_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AnjuUnitDialog) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *items = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->buildings_load);
  if (answer == NULL)
    {
      anju_field_error_set (&self->slots[SLOT_BUILDING], error->message);
      return;
    }

  /* A list answer is a page ({"items": […]}) or a bare array. */
  if (JSON_NODE_HOLDS_ARRAY (answer))
    items = json_node_get_array (answer);
  else if (JSON_NODE_HOLDS_OBJECT (answer))
    items = anju_json_get_array (json_node_get_object (answer), "items");

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autoptr(AnjuRecord) building = anju_record_new (json_node_get_object (node));

          g_list_store_append (self->buildings, building);
        }
    }
}

static void
project_chosen_cb (AnjuUnitDialog *self)
{
  AnjuRecord *project = selected_record (self->project_row);
  g_autofree char *path = NULL;

  if (!is_creating (self))
    return;

  g_cancellable_cancel (self->buildings_load);
  g_clear_object (&self->buildings_load);
  g_list_store_remove_all (self->buildings);
  anju_field_error_set (&self->slots[SLOT_BUILDING], NULL);
  if (project == NULL)
    return;

  self->buildings_load = g_cancellable_new ();
  path = g_strdup_printf ("/api/v1/pubrent/projects/%" G_GINT64_FORMAT "/buildings?page_size=%d",
                          anju_record_get_id (project), ANJU_LOAD_ALL_PAGE_SIZE);
  anju_api_client_request_async (self->client, "GET", path, NULL, self->buildings_load,
                                 buildings_loaded_cb, g_object_ref (self));
}

static char *
record_name (AnjuRecord *record)
{
  const char *name = ANJU_IS_RECORD (record) ? anju_record_get_string (record, "name") : NULL;

  return g_strdup (name != NULL ? name : "");
}

static void
use_record_names (AdwComboRow *row,
                  GListModel  *model)
{
  GtkExpression *expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                            G_CALLBACK (record_name), NULL, NULL);

  adw_combo_row_set_expression (row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (row, model);
}

static void
fill_code_row (AdwComboRow        *row,
               const char * const *codes,
               const char *      (*label) (const char *code))
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (const char * const *code = codes; *code != NULL; code++)
    gtk_string_list_append (names, label (*code));
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
}

static void
select_project (AnjuUnitDialog *self,
                gint64          id)
{
  guint n_items = g_list_model_get_n_items (self->projects);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) project = g_list_model_get_item (self->projects, i);

      if (anju_record_get_id (project) == id)
        adw_combo_row_set_selected (self->project_row, i);
    }
}

/* A unit keeps its place: its project and building are shown by name. */
static void
show_place (AnjuUnitDialog *self)
{
  g_autoptr(GtkStringList) project = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) building = gtk_string_list_new (NULL);
  const char *project_name = anju_record_get_path_string (self->unit, "project.name");
  const char *building_name = anju_record_get_path_string (self->unit, "building.name");
  JsonObject *object = anju_record_get_object (self->unit);
  g_autofree char *floor = NULL;

  gtk_string_list_append (project, project_name != NULL ? project_name : "");
  gtk_string_list_append (building, building_name != NULL ? building_name : "");
  adw_combo_row_set_model (self->project_row, G_LIST_MODEL (project));
  adw_combo_row_set_model (self->building_row, G_LIST_MODEL (building));

  set_row_text (self->unit_no_row, anju_record_get_string (self->unit, "unit_no"));
  set_row_text (self->entrance_row, anju_record_get_string (self->unit, "entrance"));
  set_row_text (self->room_no_row, anju_record_get_string (self->unit, "room_no"));
  if (json_object_has_member (object, "floor") && !json_object_get_null_member (object, "floor"))
    floor = g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (self->unit, "floor", 0));
  set_row_text (self->floor_row, floor);

  gtk_widget_set_sensitive (GTK_WIDGET (self->unit_no_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->project_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->building_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->entrance_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->room_no_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->floor_row), FALSE);
}

static void
fill_from_unit (AnjuUnitDialog *self)
{
  JsonObject *object = anju_record_get_object (self->unit);
  g_autofree char *room_count = NULL;

  show_place (self);
  select_code (self->layout_row, anju_unit_layout_codes (), anju_record_get_string (self->unit, "layout"));
  select_code (self->state_row, anju_unit_state_codes (), anju_record_get_string (self->unit, "state"));
  if (json_object_has_member (object, "room_count") && !json_object_get_null_member (object, "room_count"))
    room_count = g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (self->unit, "room_count", 0));
  set_row_text (self->room_count_row, room_count);
  set_row_text (self->floor_area_row, anju_record_get_string (self->unit, "floor_area"));
  set_row_text (self->inner_area_row, anju_record_get_string (self->unit, "inner_area"));
  set_row_text (self->orientation_row, anju_record_get_string (self->unit, "orientation"));
  set_row_text (self->monthly_rent_row, anju_record_get_string (self->unit, "monthly_rent"));
  set_row_text (self->facilities_row, anju_record_get_string (self->unit, "facilities"));
}

static void
anju_unit_dialog_constructed (GObject *object)
{
  AnjuUnitDialog *self = ANJU_UNIT_DIALOG (object);

  G_OBJECT_CLASS (anju_unit_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));
  g_assert (G_IS_LIST_MODEL (self->projects));

  fill_code_row (self->layout_row, anju_unit_layout_codes (), anju_unit_layout_label);
  fill_code_row (self->state_row, anju_unit_state_codes (), anju_unit_state_label);

  if (is_creating (self))
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Unit"));
      gtk_button_set_label (self->save_button, _("C_reate"));
      use_record_names (self->building_row, G_LIST_MODEL (self->buildings));
      use_record_names (self->project_row, self->projects);
      g_signal_connect_object (self->project_row, "notify::selected",
                               G_CALLBACK (project_chosen_cb), self, G_CONNECT_SWAPPED);
      if (self->project_id != 0)
        select_project (self, self->project_id);
      project_chosen_cb (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->unit_no_row));
    }
  else
    {
      g_autofree char *title = NULL;

      /* Translators: %1$s is a unit number */
      title = g_strdup_printf (_("Unit %1$s"), anju_record_get_string (self->unit, "unit_no"));
      gtk_window_set_title (GTK_WINDOW (self), title);
      gtk_button_set_label (self->save_button, _("_Save"));
      fill_from_unit (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->monthly_rent_row));
    }
}

static void
anju_unit_dialog_dispose (GObject *object)
{
  AnjuUnitDialog *self = ANJU_UNIT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->buildings_load);
  g_clear_object (&self->buildings_load);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_UNIT_DIALOG);

  G_OBJECT_CLASS (anju_unit_dialog_parent_class)->dispose (object);
}

static void
anju_unit_dialog_finalize (GObject *object)
{
  AnjuUnitDialog *self = ANJU_UNIT_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->unit);
  g_clear_object (&self->projects);
  g_clear_object (&self->buildings);

  G_OBJECT_CLASS (anju_unit_dialog_parent_class)->finalize (object);
}

static void
anju_unit_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnjuUnitDialog *self = ANJU_UNIT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_UNIT:
      g_value_set_object (value, self->unit);
      break;

    case PROP_PROJECTS:
      g_value_set_object (value, self->projects);
      break;

    case PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_unit_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AnjuUnitDialog *self = ANJU_UNIT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_UNIT:
      self->unit = g_value_dup_object (value);
      break;

    case PROP_PROJECTS:
      self->projects = g_value_dup_object (value);
      break;

    case PROP_PROJECT_ID:
      self->project_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_unit_dialog_class_init (AnjuUnitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_unit_dialog_constructed;
  object_class->dispose = anju_unit_dialog_dispose;
  object_class->finalize = anju_unit_dialog_finalize;
  object_class->get_property = anju_unit_dialog_get_property;
  object_class->set_property = anju_unit_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UNIT] =
    g_param_spec_object ("unit", NULL, NULL, ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROJECTS] =
    g_param_spec_object ("projects", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROJECT_ID] =
    g_param_spec_int64 ("project-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuUnitDialog::saved:
   * @unit: the Unit the server answered with
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ANJU_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-unit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuUnitDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuUnitDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuUnitDialog, error_label);
#define BIND_ROW(name) \
  gtk_widget_class_bind_template_child (widget_class, AnjuUnitDialog, name##_row); \
  gtk_widget_class_bind_template_child (widget_class, AnjuUnitDialog, name##_error)
  BIND_ROW (unit_no);
  BIND_ROW (project);
  BIND_ROW (building);
  BIND_ROW (entrance);
  BIND_ROW (room_no);
  BIND_ROW (floor);
  BIND_ROW (layout);
  BIND_ROW (room_count);
  BIND_ROW (floor_area);
  BIND_ROW (inner_area);
  BIND_ROW (orientation);
  BIND_ROW (monthly_rent);
  BIND_ROW (facilities);
  BIND_ROW (state);
#undef BIND_ROW
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_unit_dialog_init (AnjuUnitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->buildings = g_list_store_new (ANJU_TYPE_RECORD);
  adw_entry_row_set_input_purpose (self->floor_row, GTK_INPUT_PURPOSE_NUMBER);
  adw_entry_row_set_input_purpose (self->room_count_row, GTK_INPUT_PURPOSE_DIGITS);
  adw_entry_row_set_input_purpose (self->floor_area_row, GTK_INPUT_PURPOSE_NUMBER);
  adw_entry_row_set_input_purpose (self->inner_area_row, GTK_INPUT_PURPOSE_NUMBER);
  adw_entry_row_set_input_purpose (self->monthly_rent_row, GTK_INPUT_PURPOSE_NUMBER);

#define SLOT(index, member, name) \
  self->slots[index] = (AnjuFieldSlot) { member, GTK_WIDGET (self->name##_row), GTK_WIDGET (self->name##_error) }
  SLOT (SLOT_UNIT_NO, "unit_no", unit_no);
  SLOT (SLOT_PROJECT, "project_id", project);
  SLOT (SLOT_BUILDING, "building_id", building);
  SLOT (SLOT_ENTRANCE, "entrance", entrance);
  SLOT (SLOT_ROOM_NO, "room_no", room_no);
  SLOT (SLOT_FLOOR, "floor", floor);
  SLOT (SLOT_LAYOUT, "layout", layout);
  SLOT (SLOT_ROOM_COUNT, "room_count", room_count);
  SLOT (SLOT_FLOOR_AREA, "floor_area", floor_area);
  SLOT (SLOT_INNER_AREA, "inner_area", inner_area);
  SLOT (SLOT_ORIENTATION, "orientation", orientation);
  SLOT (SLOT_MONTHLY_RENT, "monthly_rent", monthly_rent);
  SLOT (SLOT_FACILITIES, "facilities", facilities);
  SLOT (SLOT_STATE, "state", state);
#undef SLOT
}

GtkWidget *
anju_unit_dialog_new (AnjuApiClient *client,
                      AnjuRecord    *unit,
                      GListModel    *projects,
                      gint64         project_id)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (unit == NULL || ANJU_IS_RECORD (unit), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (projects), NULL);

  return g_object_new (ANJU_TYPE_UNIT_DIALOG,
                       "client", client,
                       "unit", unit,
                       "projects", projects,
                       "project-id", MAX (project_id, 0),
                       NULL);
}

GtkWidget *
_anju_unit_dialog_get_field (AnjuUnitDialog *self,
                             const char     *member)
{
  g_return_val_if_fail (ANJU_IS_UNIT_DIALOG (self), NULL);

  for (guint i = 0; i < N_SLOTS; i++)
    if (g_strcmp0 (self->slots[i].field, member) == 0)
      return self->slots[i].row;
  return NULL;
}

GtkWidget *
_anju_unit_dialog_get_save_button (AnjuUnitDialog *self)
{
  g_return_val_if_fail (ANJU_IS_UNIT_DIALOG (self), NULL);

  return GTK_WIDGET (self->save_button);
}

gboolean
_anju_unit_dialog_is_ready (AnjuUnitDialog *self)
{
  g_return_val_if_fail (ANJU_IS_UNIT_DIALOG (self), FALSE);

  return self->buildings_load == NULL;
}

const char *
_anju_unit_dialog_get_error (AnjuUnitDialog *self,
                             const char     *member)
{
  g_return_val_if_fail (ANJU_IS_UNIT_DIALOG (self), NULL);

  if (member == NULL)
    return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;

  for (guint i = 0; i < N_SLOTS; i++)
    if (g_strcmp0 (self->slots[i].field, member) == 0 && gtk_widget_get_visible (self->slots[i].label))
      return gtk_label_get_text (GTK_LABEL (self->slots[i].label));
  return NULL;
}
