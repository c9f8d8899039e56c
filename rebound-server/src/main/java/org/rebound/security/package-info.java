/**
 * Who may do what. Local accounts with bcrypt hashes; the first start creates the administrator
 * with a random password printed once, so there is no default credential anywhere.
 */
@NullMarked
package org.rebound.security;

import org.jspecify.annotations.NullMarked;
