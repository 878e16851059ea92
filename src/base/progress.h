/* progress.h - "page 12 of 63" on stderr while a long build runs.
 *
 * Off unless the command line turns it on (it does when stderr is a
 * terminal and -q was not given). Nothing shows until the work has taken
 * PROGRESS_DELAY_MS: a quick build stays silent. The line is redrawn in
 * place (carriage return) at most every PROGRESS_EVERY_MS and erased when
 * the work ends, so warnings printed meanwhile start on a clean line.
 * Process-wide like times.h; not thread-safe (call it from one thread).
 */
#ifndef REPRINT_PROGRESS_H
#define REPRINT_PROGRESS_H

#include <stdbool.h>
#include <stdio.h>

#define PROGRESS_DELAY_MS 200
#define PROGRESS_EVERY_MS 50

/* Turns progress on (to out) or off. */
void progress_enable(FILE *out, bool on);
/* `done` of `total` units of `what` ("composing articles", "rendering pages"). */
void progress_step(const char *what, int done, int total);
/* A step without a count ("embedding fonts"). */
void progress_note(const char *what);
/* Erases the progress line, if one is showing. */
void progress_clear(void);

#endif
