/** The readiness page and API. */
@NullMarked
package org.rebound.readiness.web;

import org.jspecify.annotations.NullMarked;
