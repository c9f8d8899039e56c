/**
 * Notification duties of incidents on the server: the organisation profile, each incident's facts
 * (recorded, or counted from its breach registers), materiality decisions, the notices given, and
 * the alerts raised as deadlines approach.
 */
@NullMarked
package org.rebound.obligations.application;

import org.jspecify.annotations.NullMarked;
