/** Tabletop exercises on the server's model: the live model copied into a sandbox, never the live incident. */
@NullMarked
package org.rebound.readiness.application;

import org.jspecify.annotations.NullMarked;
