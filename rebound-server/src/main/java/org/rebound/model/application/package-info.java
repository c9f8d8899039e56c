/** Use cases on the enterprise model: importing a new version. */
@NullMarked
package org.rebound.model.application;

import org.jspecify.annotations.NullMarked;
