/* anju-message-template.h: texts with named {variables}.
 *
 * A reference is "{" + a name of 1 to 64 characters without braces or
 * white space + "}"; any other brace is plain text.  Templates are checked
 * when saved (every reference must be one of the event's variables), so
 * rendering never meets a name it cannot fill except in the shipped
 * defaults, and those are tested.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* text with every {name} replaced by the string member name of variables;
 * a name variables lacks becomes the empty string. */
char *anju_message_template_render       (const char         *text,
                                          JsonObject         *variables);
/* The first name referenced in text that is not in allowed, or NULL. */
char *anju_message_template_find_unknown (const char         *text,
                                          const char * const *allowed);

G_END_DECLS
