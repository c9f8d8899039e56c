/** The REST API of the enterprise model: read it, export it, import a new version. */
@NullMarked
package org.rebound.model.web;

import org.jspecify.annotations.NullMarked;
