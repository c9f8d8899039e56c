/** The shipped demo enterprise, Albion Motors. */
@NullMarked
package org.rebound.model.demo;

import org.jspecify.annotations.NullMarked;
