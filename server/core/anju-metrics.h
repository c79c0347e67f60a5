/* anju-metrics.h: request counters and latency histograms in Prometheus
 * text format.  Labels use the route pattern, never the raw path, so the
 * number of series stays bounded whatever clients send. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AnjuMetrics AnjuMetrics;

AnjuMetrics *anju_metrics_new     (void);
void         anju_metrics_free    (AnjuMetrics *self);
void         anju_metrics_observe (AnjuMetrics *self,
                                   const char  *route,
                                   const char  *method,
                                   guint        status,
                                   double       seconds);
/* Appends the exposition text; db_size_bytes becomes anju_db_size_bytes. */
void         anju_metrics_write   (AnjuMetrics *self,
                                   gint64       db_size_bytes,
                                   GString     *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuMetrics, anju_metrics_free)

G_END_DECLS
