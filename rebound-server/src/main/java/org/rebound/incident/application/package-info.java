/**
 * Use cases of incident response, every one checked against the caller's access to the incident and audited: Incidents, IncidentTasks, IncidentEvidence.
 */
@NullMarked
package org.rebound.incident.application;

import org.jspecify.annotations.NullMarked;
