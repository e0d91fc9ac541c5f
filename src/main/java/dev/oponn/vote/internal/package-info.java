/**
 * What only the vote page's templates need: the view, the posted form and the choice it validates to.
 * Public for the compiled JTE templates; no other feature may use them (Spring Modulith treats sub-packages as
 * internal).
 */
@NullMarked
package dev.oponn.vote.internal;

import org.jspecify.annotations.NullMarked;
