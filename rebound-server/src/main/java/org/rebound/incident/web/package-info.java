/**
 * The incident API (/api/incidents, /api/playbooks), the incident, incident list and playbook pages.
 */
@NullMarked
package org.rebound.incident.web;

import org.jspecify.annotations.NullMarked;
