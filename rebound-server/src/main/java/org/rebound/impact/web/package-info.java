/**
 * The REST API and web pages of the live incident: the impact now, systems and their state
 * changes, the dashboard and its live updates over server-sent events.
 */
@NullMarked
package org.rebound.impact.web;

import org.jspecify.annotations.NullMarked;
