/* anju-kiosk-context.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "anju-kiosk-context.h"

struct _AnjuKioskContext
{
  GObject           parent_instance;

  /* Owned */
  AnjuKioskConfig  *config;
  AnjuKioskDevices *devices;
  AnjuApiClient    *api;
  JsonObject       *home;        /* (nullable) */

  /* Borrowed: the window owns the screens, which own this context. */
  GtkWindow        *window;      /* (nullable) (weak) */
};

G_DEFINE_FINAL_TYPE (AnjuKioskContext, anju_kiosk_context, G_TYPE_OBJECT)

enum
{
  GO_HOME,
  SHOW_SCREEN,
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
anju_kiosk_context_dispose (GObject *object)
{
  AnjuKioskContext *self = ANJU_KIOSK_CONTEXT (object);

  anju_kiosk_context_set_window (self, NULL);
  g_clear_object (&self->api);
  g_clear_object (&self->devices);

  G_OBJECT_CLASS (anju_kiosk_context_parent_class)->dispose (object);
}

static void
anju_kiosk_context_finalize (GObject *object)
{
  AnjuKioskContext *self = ANJU_KIOSK_CONTEXT (object);

  g_clear_pointer (&self->config, anju_kiosk_config_free);
  g_clear_pointer (&self->home, json_object_unref);

  G_OBJECT_CLASS (anju_kiosk_context_parent_class)->finalize (object);
}

static void
anju_kiosk_context_class_init (AnjuKioskContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anju_kiosk_context_dispose;
  object_class->finalize = anju_kiosk_context_finalize;

  signals[GO_HOME] =
    g_signal_new ("go-home",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[SHOW_SCREEN] =
    g_signal_new ("show-screen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /* A translated sentence for a toast. */
  signals[MESSAGE] =
    g_signal_new ("message",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
anju_kiosk_context_init (AnjuKioskContext *self)
{
}

AnjuKioskContext *
anju_kiosk_context_new (AnjuKioskConfig  *config,
                        AnjuKioskDevices *devices)
{
  AnjuKioskContext *self;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (ANJU_IS_KIOSK_DEVICES (devices), NULL);

  self = g_object_new (ANJU_TYPE_KIOSK_CONTEXT, NULL);
  self->config = config;
  self->devices = g_object_ref (devices);
  self->api = anju_api_client_new (config->server_url, config->certificate_pem);
  anju_api_client_set_terminal_credential (self->api, config->sn, config->credential);

  return self;
}

const AnjuKioskConfig *
anju_kiosk_context_get_config (AnjuKioskContext *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_CONTEXT (self), NULL);

  return self->config;
}

AnjuApiClient *
anju_kiosk_context_get_api (AnjuKioskContext *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_CONTEXT (self), NULL);

  return self->api;
}

AnjuKioskDevices *
anju_kiosk_context_get_devices (AnjuKioskContext *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_CONTEXT (self), NULL);

  return self->devices;
}

JsonObject *
anju_kiosk_context_get_home (AnjuKioskContext *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_CONTEXT (self), NULL);

  return self->home;
}

void
anju_kiosk_context_go_home (AnjuKioskContext *self)
{
  g_return_if_fail (ANJU_IS_KIOSK_CONTEXT (self));

  g_signal_emit (self, signals[GO_HOME], 0);
}

void
anju_kiosk_context_show_screen (AnjuKioskContext *self,
                                const char       *key)
{
  g_return_if_fail (ANJU_IS_KIOSK_CONTEXT (self));
  g_return_if_fail (key != NULL);

  g_signal_emit (self, signals[SHOW_SCREEN], 0, key);
}

void
anju_kiosk_context_notify (AnjuKioskContext *self,
                           const char       *message)
{
  g_return_if_fail (ANJU_IS_KIOSK_CONTEXT (self));
  g_return_if_fail (message != NULL);

  g_signal_emit (self, signals[MESSAGE], 0, message);
}

GtkWindow *
anju_kiosk_context_get_window (AnjuKioskContext *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_CONTEXT (self), NULL);

  return self->window;
}

void
anju_kiosk_context_set_window (AnjuKioskContext *self,
                               GtkWindow        *window)
{
  g_return_if_fail (ANJU_IS_KIOSK_CONTEXT (self));
  g_return_if_fail (window == NULL || GTK_IS_WINDOW (window));

  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = window;
  if (self->window != NULL)
    g_object_add_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
}

void
anju_kiosk_context_set_home (AnjuKioskContext *self,
                             JsonObject       *home)
{
  g_return_if_fail (ANJU_IS_KIOSK_CONTEXT (self));

  if (home != NULL)
    json_object_ref (home);
  g_clear_pointer (&self->home, json_object_unref);
  self->home = home;
}
