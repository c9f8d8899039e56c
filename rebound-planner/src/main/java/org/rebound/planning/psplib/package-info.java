/**
 * The classic single-mode resource-constrained project scheduling problem (RCPSP) read from PSPLIB
 * {@code .sm} files and solved with the same CP-SAT machinery as recovery plans: a benchmark of the
 * planner's solver against published optima and bounds.
 */
@NullMarked
package org.rebound.planning.psplib;

import org.jspecify.annotations.NullMarked;
