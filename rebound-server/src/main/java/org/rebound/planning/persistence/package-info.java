/** Plan versions and the reported progress of recovery activities. */
@NullMarked
package org.rebound.planning.persistence;

import org.jspecify.annotations.NullMarked;
