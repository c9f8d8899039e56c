/** Storage of what reports add to an incident: its lessons learned. */
@NullMarked
package org.rebound.reports.persistence;

import org.jspecify.annotations.NullMarked;
