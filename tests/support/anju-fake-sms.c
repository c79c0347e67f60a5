/* anju-fake-sms.c: AnjuFakeSmsGateway in a thread of its own. */
#include "anju-fake-sms.h"

#include "anju-fake-sms-gateway.h"

#define WAIT_SECONDS 60

struct _AnjuFakeSms
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  guint         fail_first;
  char         *url;        /* set once started */

  GMutex        lock;       /* guards what follows */
  GCond         changed;
  GPtrArray    *records;    /* of JsonNode */
  gboolean      started;
  GError       *error;
};

static void
received_cb (AnjuFakeSmsGateway *gateway,
             JsonNode           *record,
             AnjuFakeSms        *self)
{
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->records, json_node_copy (record));
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);
}

static gpointer
gateway_thread_func (gpointer data)
{
  AnjuFakeSms *self = data;
  g_autoptr(AnjuFakeSmsGateway) gateway = anju_fake_sms_gateway_new ();
  GError *error = NULL;

  g_main_context_push_thread_default (self->context);
  anju_fake_sms_gateway_set_fail_first (gateway, self->fail_first);
  anju_fake_sms_gateway_set_credentials (gateway, ANJU_FAKE_SMS_ACCOUNT, ANJU_FAKE_SMS_SECRET);
  g_signal_connect (gateway, "received", G_CALLBACK (received_cb), self);
  if (anju_fake_sms_gateway_listen (gateway, 0, &error))
    self->url = anju_fake_sms_gateway_get_url (gateway);

  g_mutex_lock (&self->lock);
  self->started = TRUE;
  self->error = error;
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);

  if (error == NULL)
    g_main_loop_run (self->loop);

  /* Disconnect where the server ran: its sources live in this context. */
  g_clear_object (&gateway);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

AnjuFakeSms *
anju_fake_sms_start (guint fail_first)
{
  AnjuFakeSms *self = g_new0 (AnjuFakeSms, 1);

  self->fail_first = fail_first;
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_mutex_init (&self->lock);
  g_cond_init (&self->changed);

  self->thread = g_thread_new ("anju-fake-sms", gateway_thread_func, self);
  g_mutex_lock (&self->lock);
  while (!self->started)
    g_cond_wait (&self->changed, &self->lock);
  g_mutex_unlock (&self->lock);
  g_assert_no_error (self->error);

  return self;
}

static gboolean
quit_cb (gpointer data)
{
  AnjuFakeSms *self = data;

  g_main_loop_quit (self->loop);
  return G_SOURCE_REMOVE;
}

void
anju_fake_sms_stop (AnjuFakeSms *self)
{
  if (self == NULL)
    return;

  g_main_context_invoke (self->context, quit_cb, self);
  g_thread_join (self->thread);

  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_ptr_array_unref (self->records);
  g_clear_error (&self->error);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->changed);
  g_free (self->url);
  g_free (self);
}

void
anju_fake_sms_configure (AnjuFakeSms *self,
                         AnjuConfig  *config)
{
  g_free (config->sms_gateway_url);
  g_free (config->sms_account);
  g_free (config->sms_secret);
  config->sms_gateway_url = g_strdup (self->url);
  config->sms_account = g_strdup (ANJU_FAKE_SMS_ACCOUNT);
  config->sms_secret = g_strdup (ANJU_FAKE_SMS_SECRET);
}

guint
anju_fake_sms_count (AnjuFakeSms *self)
{
  guint count;

  g_mutex_lock (&self->lock);
  count = self->records->len;
  g_mutex_unlock (&self->lock);
  return count;
}

JsonNode *
anju_fake_sms_get (AnjuFakeSms *self,
                   guint        index)
{
  JsonNode *record;

  g_mutex_lock (&self->lock);
  g_assert_cmpuint (index, <, self->records->len);
  record = json_node_copy (g_ptr_array_index (self->records, index));
  g_mutex_unlock (&self->lock);
  return record;
}

void
anju_fake_sms_wait_for (AnjuFakeSms *self,
                        guint        n)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint count;

  g_mutex_lock (&self->lock);
  while (self->records->len < n && g_cond_wait_until (&self->changed, &self->lock, deadline))
    ;
  count = self->records->len;
  g_mutex_unlock (&self->lock);
  if (count < n)
    g_error ("the fake SMS gateway got %u requests, expected %u", count, n);
}
