/** What only the share feature's templates need: the presenter view's model. */
@NullMarked
package dev.oponn.share.internal;

import org.jspecify.annotations.NullMarked;
