/**
 * The audit log: every change made in Rebound, with who made it, when, and what changed. Entries
 * are only ever appended.
 */
@NullMarked
package org.rebound.audit;

import org.jspecify.annotations.NullMarked;
