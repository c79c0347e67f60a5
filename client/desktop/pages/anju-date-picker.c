/* anju-date-picker.c: a calendar popover beside a date entry row.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-date-picker.h"

/* The calendar opens on the day already typed, or today. */
static void
popover_show_cb (GtkPopover  *popover,
                 AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GDateTime) day = NULL;

  if (anju_date_text_is_valid (text) && *text != '\0')
    {
      g_autofree char *iso = g_strconcat (text, "T00:00:00", NULL);
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      day = g_date_time_new_from_iso8601 (iso, local);
    }
  if (day == NULL)
    day = g_date_time_new_now_local ();

  /* Selecting emits "day-selected", which would write and close. */
  g_signal_handlers_block_matched (calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, row);
  gtk_calendar_select_day (calendar, day);
  g_signal_handlers_unblock_matched (calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, row);
}

static void
day_selected_cb (GtkCalendar *calendar,
                 AdwEntryRow *row)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

void
anju_date_picker_attach (AdwEntryRow *row,
                         const char  *label)
{
  GtkWidget *button;
  GtkWidget *popover;
  GtkWidget *calendar;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (label != NULL);

  calendar = gtk_calendar_new ();
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  g_signal_connect_object (popover, "show", G_CALLBACK (popover_show_cb), row, 0);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (day_selected_cb), row, 0);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  adw_entry_row_add_suffix (row, button);
}

gboolean
anju_date_text_is_valid (const char *text)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *iso = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  /* GDateTime also takes week dates and ordinal days; the API does not. */
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  iso = g_strconcat (text, "T00:00:00Z", NULL);
  day = g_date_time_new_from_iso8601 (iso, NULL);
  return day != NULL;
}

char *
anju_date_text_from_api (const char *value)
{
  g_autofree char *date = NULL;

  if (value == NULL || strlen (value) < 10)
    return NULL;

  date = g_strndup (value, 10);
  if (!anju_date_text_is_valid (date))
    return NULL;

  return g_steal_pointer (&date);
}
