/**
 * The {@code rebound} subcommands. Each is an adapter over the same use cases the server calls;
 * only {@code serve} and {@code demo} start Spring.
 */
@NullMarked
package org.rebound.cli;

import org.jspecify.annotations.NullMarked;
