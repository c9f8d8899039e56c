/** The JSON shape of tabletop exercises, shared by {@code rebound tabletop --json} and the readiness API. */
@NullMarked
package org.rebound.readiness.view;

import org.jspecify.annotations.NullMarked;
