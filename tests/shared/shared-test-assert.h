/* shared-test-assert.h: the one assertion every validator test needs.
 *
 * A refusal must be ANJU_ERROR_VALIDATION and its message must name what
 * is wrong, so the tests check a fragment of the (untranslated, LC_ALL is
 * C.UTF-8 under meson test) message as well as the code.
 */
#pragma once

#include <string.h>

#include <glib.h>

#include "anju-error.h"

/* Checks *error and clears it, so one GError can serve a whole table. */
#define assert_validation_error(error, fragment)                          \
  G_STMT_START {                                                          \
    g_assert_error ((error), ANJU_ERROR, ANJU_ERROR_VALIDATION);          \
    if (strstr ((error)->message, (fragment)) == NULL)                    \
      g_error ("message “%s” does not contain “%s”",                      \
               (error)->message, (fragment));                             \
    g_clear_error (&(error));                                             \
  } G_STMT_END
