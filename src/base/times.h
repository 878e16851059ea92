/* times.h - opt-in per-stage wall times (REPRINT_TIMES=1 or -v).
 *
 * The command line marks the end of each stage; when the environment has
 * REPRINT_TIMES set to a non-empty value other than "0", each mark prints
 * one line to stderr:
 *     reprint: time: parse 12.3 ms
 * and times_report() adds the total wall and CPU time and the peak resident
 * memory. Costs nothing measurable when off. Not thread-safe.
 */
#ifndef REPRINT_TIMES_H
#define REPRINT_TIMES_H

#include <stdbool.h>

/* Starts the clock; the times are printed when verbose (-v) or when
 * REPRINT_TIMES asks for them (read once, here). */
void times_start(bool verbose);
/* Ends the stage that ran since the previous mark (or times_start). */
void times_mark(const char *stage);
/* Prints the totals: wall, CPU (user + system), peak RSS. */
void times_report(void);

#endif
