/** Synthetic enterprises of any size, for scale tests and benchmarks. */
@NullMarked
package org.rebound.model.generate;

import org.jspecify.annotations.NullMarked;
