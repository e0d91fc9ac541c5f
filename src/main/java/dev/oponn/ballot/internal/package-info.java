/**
 * What only the ballot feature's templates need: the create form, the dashboard line and the manage page's
 * view. Public for the compiled JTE templates; no other feature may use them (Spring Modulith treats
 * sub-packages as internal).
 */
@NullMarked
package dev.oponn.ballot.internal;

import org.jspecify.annotations.NullMarked;
