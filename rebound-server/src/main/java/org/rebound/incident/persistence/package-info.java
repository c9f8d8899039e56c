/**
 * The incident capability's tables: incidents and members, techniques, timeline entries, observables, tasks and their logs, playbooks, evidence and custody; and the evidence locker on disk.
 */
@NullMarked
package org.rebound.incident.persistence;

import org.jspecify.annotations.NullMarked;
