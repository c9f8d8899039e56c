/** Rebound's JSON conventions, shared by the REST API and the command line. */
@NullMarked
package org.rebound.json;

import org.jspecify.annotations.NullMarked;
