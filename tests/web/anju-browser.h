/* anju-browser.h: Chromium over the DevTools protocol on a pipe.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Launches a headless Chromium (--no-sandbox, a fresh --user-data-dir
 * removed at close) with --remote-debugging-pipe: the browser reads
 * commands on its fd 3 and writes answers and events on its fd 4, each
 * message a JSON text ended by a NUL byte.  One page is attached with a
 * flattened session and emulates a phone (size, scale, mobile, touch).
 *
 * The server's self-signed certificate is pinned with
 * --ignore-certificate-errors-spki-list, so no other certificate error is
 * ignored.  Every call is synchronous: it iterates a private GMainContext
 * (never the caller's) until the answer comes, and fails with a GError
 * naming the DevTools method when the answer is an error or does not come
 * within the timeout (15 s unless set).
 *
 * Console errors, uncaught exceptions, CSP violations and dialogs
 * (alert, confirm, prompt: dismissed at once, a page must not block on
 * them) are collected
 * from the moment the page is attached; anju_browser_take_console_errors()
 * hands them over.  Failed requests to /api/ are not errors of the page:
 * the pages show them (a 422 is a form's business), so they are not
 * collected; a failed load of anything else is (but /favicon.ico, which
 * the browser asks for on its own).
 *
 * The browser's stderr is silenced (it logs D-Bus noise) unless
 * ANJU_TEST_VERBOSE is set.  ANJU_CHROMIUM names another binary (one
 * that is not there counts as no Chromium).
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ANJU_TYPE_BROWSER (anju_browser_get_type ())
G_DECLARE_FINAL_TYPE (AnjuBrowser, anju_browser, ANJU, BROWSER, GObject)

typedef struct
{
  const char *spki_pin;          /* base64 SHA-256 of the server's SPKI (nullable) */
  const char *fake_camera_y4m;   /* a .y4m file the fake camera plays (nullable) */
  int         width, height;     /* the viewport in CSS pixels */
  double      scale;             /* device pixel ratio */
  gboolean    mobile;
} AnjuBrowserOptions;

/* G_IO_ERROR_NOT_FOUND when no Chromium is installed. */
AnjuBrowser *anju_browser_launch              (const AnjuBrowserOptions *options,
                                               GError                  **error);
/* Loads url and, for a new document, waits for its load event; a change
 * of the hash only returns once the navigation is committed. */
gboolean     anju_browser_navigate            (AnjuBrowser              *self,
                                               const char               *url,
                                               GError                  **error);
/* Evaluates expression in the page, awaiting a promise, and returns its
 * value as JSON (JSON null for undefined).  A JS exception → GError. */
JsonNode    *anju_browser_eval                (AnjuBrowser              *self,
                                               const char               *expression,
                                               GError                  **error);
/* The same, for an expression whose value is a string (NULL and an
 * error otherwise). */
char        *anju_browser_eval_string         (AnjuBrowser              *self,
                                               const char               *expression,
                                               GError                  **error);
/* Polls expression until it is truthy, or fails with G_IO_ERROR_TIMED_OUT. */
gboolean     anju_browser_wait_for            (AnjuBrowser              *self,
                                               const char               *expression,
                                               guint                     timeout_ms,
                                               GError                  **error);
/* Scrolls the first element matching selector into view and taps its
 * centre (touch start + end, as a finger would). */
gboolean     anju_browser_click               (AnjuBrowser              *self,
                                               const char               *selector,
                                               GError                  **error);
/* Focuses the element, puts the caret at the end and inserts text as an
 * IME would (input events fire). */
gboolean     anju_browser_type                (AnjuBrowser              *self,
                                               const char               *selector,
                                               const char               *text,
                                               GError                  **error);
/* Sets the files of an <input type=file> (absolute paths). */
gboolean     anju_browser_set_files           (AnjuBrowser              *self,
                                               const char               *selector,
                                               const char *const        *paths,
                                               GError                  **error);
/* A PNG of the viewport, in device pixels (width × scale). */
GBytes      *anju_browser_screenshot          (AnjuBrowser              *self,
                                               GError                  **error);
/* Console errors, uncaught exceptions, CSP violations and dialogs seen
 * since the last call, as strings; (transfer full), empty when none. */
GPtrArray   *anju_browser_take_console_errors (AnjuBrowser              *self);

/* Added to the contract. */

/* Any DevTools method on the page's session; params may be NULL (an
 * empty object) and is not consumed.  Returns the "result" object. */
JsonNode    *anju_browser_call                (AnjuBrowser              *self,
                                               const char               *method,
                                               JsonNode                 *params,
                                               GError                  **error);
/* The timeout of every later call (default 15000 ms). */
void         anju_browser_set_timeout         (AnjuBrowser              *self,
                                               guint                     timeout_ms);
/* Closes the browser (Browser.close, waits for the process, removes the
 * profile); the last unref does it too.  Idempotent. */
gboolean     anju_browser_close               (AnjuBrowser              *self,
                                               GError                  **error);
/* The value for AnjuBrowserOptions.spki_pin of a PEM certificate:
 * base64 (SHA-256 (SubjectPublicKeyInfo DER)). */
char        *anju_browser_spki_pin_from_pem   (const char               *cert_pem,
                                               GError                  **error);

G_END_DECLS
