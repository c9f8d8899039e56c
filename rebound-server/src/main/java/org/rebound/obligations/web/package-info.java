/** Notification duties over HTTP: the organisation profile, an incident's obligations page and API, open deadlines. */
@NullMarked
package org.rebound.obligations.web;

import org.jspecify.annotations.NullMarked;
