/**
 * What only the sign-in page's template needs. Public for the compiled JTE templates; no other feature
 * may use it (Spring Modulith treats sub-packages as internal).
 */
@NullMarked
package dev.oponn.account.internal;

import org.jspecify.annotations.NullMarked;
