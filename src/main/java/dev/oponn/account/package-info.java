/**
 * Who is signed in. Today only the sign-in page: providers appear on it once they are configured, and a guest
 * can always continue without an account.
 */
@NullMarked
package dev.oponn.account;

import org.jspecify.annotations.NullMarked;
