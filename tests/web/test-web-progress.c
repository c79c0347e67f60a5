/* test-web-progress.c: a citizen's progress lookup without an account
 * (issue 6 item 5; F-PRH-003 processing nodes, F-PORTAL mobile): #/progress
 * with the application number and phone shows the status, the masked
 * applicant name and the timeline and nothing else; a wrong phone says
 * that nothing matches; past [pubrent] progress_per_minute tries the
 * page asks to wait a minute.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-mask.h"
#include "anju-web-application.h"
#include "anju-web-test.h"

#define TIMELINE_NODES 9     /* submitted … confirmed (docs/api.md Timeline) */
#define WRONG_PHONE    "13900000000"

typedef struct
{
  AnjuWebTest        *web;
  AnjuWebApplication *application;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->web = anju_web_test_start (NULL);
  if (fixture->web != NULL)
    fixture->application = anju_web_application_submit (fixture->web->server, "欧阳晓明", "117");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->application, anju_web_application_free);
  g_clear_pointer (&fixture->web, anju_web_test_stop);
}

/* Types the pair and asks; returns the kind of answer the page shows:
 * "progress" for a result, else its message's kind ("not-found" …). */
static char *
look_up (Fixture    *fixture,
         const char *number,
         const char *phone)
{
  AnjuWebTest *web = fixture->web;

  /* The previous answer goes first, so the wait below sees this one's. */
  json_node_unref (anju_web_test_eval (web,
                                       "(() => { for (const old of document.querySelectorAll("
                                       "'[data-result], [data-message]')) old.remove();"
                                       " for (const input of document.querySelectorAll("
                                       "'form[data-form=progress] input')) input.value = '';"
                                       " return true; })()"));
  anju_web_test_type (web, "input[name=application_no]", number);
  anju_web_test_type (web, "input[name=phone]", phone);
  anju_web_test_click (web, "[data-action=query]");
  anju_web_test_wait (web, "document.querySelector('[data-result], [data-message]') !== null");
  return anju_web_test_eval_string (web,
                                    "(() => { const result = document.querySelector('[data-result]');"
                                    " return result ? result.dataset.result"
                                    " : document.querySelector('[data-message]').dataset.message; })()");
}

static char *
page_text (Fixture *fixture)
{
  return anju_web_test_eval_string (fixture->web, "document.body.innerText");
}

/* F-PRH-003: the right pair shows the timeline and the masked name only;
 * a wrong phone matches nothing; then the limit a minute. */
static void
test_lookup (Fixture       *fixture,
             gconstpointer  data)
{
  AnjuWebApplication *application = fixture->application;
  g_autofree char *masked = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *shown_name = NULL;
  g_autofree char *status = NULL;
  g_autofree char *current = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) nodes = NULL;
  g_autoptr(JsonNode) fits = NULL;
  guint limit;

  if (fixture->web == NULL)
    return;
  masked = anju_mask_name (application->name);
  g_assert_cmpstr (masked, !=, application->name);
  anju_web_test_open (fixture->web, "#/progress");

  answer = look_up (fixture, application->number, application->phone);
  g_assert_cmpstr (answer, ==, "progress");
  shown_name = anju_web_test_eval_string (fixture->web,
                                          "document.querySelector('[data-field=applicant_name]').textContent");
  g_assert_cmpstr (shown_name, ==, masked);
  status = anju_web_test_eval_string (fixture->web,
                                      "document.querySelector('[data-field=status]').dataset.status");
  g_assert_cmpstr (status, ==, "street_review");
  nodes = anju_web_test_eval (fixture->web,
                              "document.querySelectorAll('[data-result=progress] [data-key]').length");
  g_assert_cmpint (json_node_get_int (nodes), ==, TIMELINE_NODES);
  current = anju_web_test_eval_string (fixture->web,
                                       "document.querySelector('[data-result=progress] [data-key=street_review]')"
                                       ".dataset.state");
  g_assert_cmpstr (current, ==, "current");
  /* Nothing else: neither the ID number nor the phone nor the full name
   * (the typed phone is in an input, which innerText leaves out). */
  fits = anju_web_test_eval (fixture->web,
                                  "document.documentElement.scrollWidth <= window.innerWidth");
  g_assert_true (json_node_get_boolean (fits));
  text = page_text (fixture);
  g_assert_null (strstr (text, application->id_no));
  g_assert_null (strstr (text, application->phone));
  g_assert_null (strstr (text, application->name));

  g_free (answer);
  answer = look_up (fixture, application->number, WRONG_PHONE);
  g_assert_cmpstr (answer, ==, "not-found");
  g_free (text);
  text = page_text (fixture);
  g_assert_null (strstr (text, masked));

  /* Two tries so far; the server counts every one from this address. */
  limit = fixture->web->server->config->pubrent_progress_per_minute;
  for (guint i = 2; i < limit; i++)
    {
      g_free (answer);
      answer = look_up (fixture, application->number, WRONG_PHONE);
      g_assert_cmpstr (answer, ==, "not-found");
    }
  g_free (answer);
  answer = look_up (fixture, application->number, application->phone);
  g_assert_cmpstr (answer, ==, "rate-limited");
}

int
main (int   argc,
      char *argv[])
{
  anju_test_init (&argc, &argv);

  g_test_add ("/web/progress/lookup F-PRH-003", Fixture, NULL, fixture_set_up, test_lookup,
              fixture_tear_down);
  return g_test_run ();
}
