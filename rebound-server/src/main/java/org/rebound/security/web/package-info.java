/** The API of a user's own security settings: API tokens. */
@NullMarked
package org.rebound.security.web;

import org.jspecify.annotations.NullMarked;
