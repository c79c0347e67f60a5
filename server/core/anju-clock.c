#include "config.h"

#include "anju-clock.h"

struct _AnjuClock
{
  GObject parent_instance;

  GMutex  mutex;
  gint64  offset_usec;   /* (mutex mutex) added to the wall clock */
};

G_DEFINE_FINAL_TYPE (AnjuClock, anju_clock, G_TYPE_OBJECT)

static void
anju_clock_finalize (GObject *object)
{
  AnjuClock *self = ANJU_CLOCK (object);

  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (anju_clock_parent_class)->finalize (object);
}

static void
anju_clock_class_init (AnjuClockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = anju_clock_finalize;
}

static void
anju_clock_init (AnjuClock *self)
{
  g_mutex_init (&self->mutex);
}

AnjuClock *
anju_clock_new (void)
{
  return g_object_new (ANJU_TYPE_CLOCK, NULL);
}

gint64
anju_clock_now (AnjuClock *self)
{
  gint64 offset;

  g_return_val_if_fail (ANJU_IS_CLOCK (self), 0);

  /* Tests move the clock from their own thread while the server reads it. */
  g_mutex_lock (&self->mutex);
  offset = self->offset_usec;
  g_mutex_unlock (&self->mutex);

  return g_get_real_time () + offset;
}

gint64
anju_clock_now_secs (AnjuClock *self)
{
  return anju_clock_now (self) / G_USEC_PER_SEC;
}

void
anju_clock_advance (AnjuClock *self,
                    gint64     usec)
{
  g_return_if_fail (ANJU_IS_CLOCK (self));

  g_mutex_lock (&self->mutex);
  self->offset_usec += usec;
  g_mutex_unlock (&self->mutex);
}
