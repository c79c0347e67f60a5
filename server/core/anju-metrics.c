#include "config.h"

#include "anju-metrics.h"

static const double bucket_bounds[] = {
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0
};
#define N_BUCKETS G_N_ELEMENTS (bucket_bounds)

typedef struct
{
  guint64 buckets[N_BUCKETS];   /* cumulative is computed when written */
  guint64 count;
  double  sum;
} Histogram;

struct _AnjuMetrics
{
  GHashTable *requests;     /* "route\tmethod\tstatus" → guint64* */
  GHashTable *latencies;    /* route → Histogram* */
};

AnjuMetrics *
anju_metrics_new (void)
{
  AnjuMetrics *self = g_new0 (AnjuMetrics, 1);

  self->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->latencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
anju_metrics_free (AnjuMetrics *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->requests);
  g_hash_table_unref (self->latencies);
  g_free (self);
}

void
anju_metrics_observe (AnjuMetrics *self,
                      const char  *route,
                      const char  *method,
                      guint        status,
                      double       seconds)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s\t%u", route, method, status);
  guint64 *count = g_hash_table_lookup (self->requests, key);
  Histogram *histogram = g_hash_table_lookup (self->latencies, route);

  if (count == NULL)
    {
      count = g_new0 (guint64, 1);
      g_hash_table_insert (self->requests, g_steal_pointer (&key), count);
    }
  (*count)++;

  if (histogram == NULL)
    {
      histogram = g_new0 (Histogram, 1);
      g_hash_table_insert (self->latencies, g_strdup (route), histogram);
    }
  for (guint i = 0; i < N_BUCKETS; i++)
    if (seconds <= bucket_bounds[i])
      {
        histogram->buckets[i]++;
        break;
      }
  histogram->count++;
  histogram->sum += seconds;
}

static void
write_requests (AnjuMetrics *self,
                GString     *out)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (self->requests),
                                       (GCompareFunc) g_strcmp0);

  g_string_append (out,
                   "# HELP anju_http_requests_total HTTP requests answered, by route, method and status.\n"
                   "# TYPE anju_http_requests_total counter\n");
  for (GList *l = keys; l != NULL; l = l->next)
    {
      g_auto(GStrv) parts = g_strsplit (l->data, "\t", 3);
      guint64 *count = g_hash_table_lookup (self->requests, l->data);

      g_string_append_printf (out,
                              "anju_http_requests_total{route=\"%s\",method=\"%s\",status=\"%s\"} %"
                              G_GUINT64_FORMAT "\n",
                              parts[0], parts[1], parts[2], *count);
    }
}

static void
write_histogram (const char *route,
                 Histogram  *histogram,
                 GString    *out)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  guint64 cumulative = 0;

  for (guint i = 0; i < N_BUCKETS; i++)
    {
      cumulative += histogram->buckets[i];
      g_string_append_printf (out,
                              "anju_http_request_duration_seconds_bucket{route=\"%s\",le=\"%s\"} %"
                              G_GUINT64_FORMAT "\n",
                              route, g_ascii_dtostr (number, sizeof number, bucket_bounds[i]),
                              cumulative);
    }
  g_string_append_printf (out,
                          "anju_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %"
                          G_GUINT64_FORMAT "\n", route, histogram->count);
  g_string_append_printf (out, "anju_http_request_duration_seconds_sum{route=\"%s\"} %s\n",
                          route, g_ascii_dtostr (number, sizeof number, histogram->sum));
  g_string_append_printf (out, "anju_http_request_duration_seconds_count{route=\"%s\"} %"
                          G_GUINT64_FORMAT "\n", route, histogram->count);
}

void
anju_metrics_write (AnjuMetrics *self,
                    gint64       db_size_bytes,
                    GString     *out)
{
  g_autoptr(GList) routes = g_list_sort (g_hash_table_get_keys (self->latencies),
                                         (GCompareFunc) g_strcmp0);

  write_requests (self, out);

  g_string_append (out,
                   "# HELP anju_http_request_duration_seconds Time to answer a request.\n"
                   "# TYPE anju_http_request_duration_seconds histogram\n");
  for (GList *l = routes; l != NULL; l = l->next)
    write_histogram (l->data, g_hash_table_lookup (self->latencies, l->data), out);

  g_string_append_printf (out,
                          "# HELP anju_db_size_bytes Size of the SQLite database file.\n"
                          "# TYPE anju_db_size_bytes gauge\n"
                          "anju_db_size_bytes %" G_GINT64_FORMAT "\n", db_size_bytes);
}
