/**
 * Who is signed in. Google and GitHub sign-in (Spring Security OAuth2 login on the first version's routes), a
 * development-only mock sign-in, the accounts they lead to, and the session that carries a signed-in user:
 * a new id at sign-in, gone at sign-out, idle and absolute limits, shared through Redis when Redis is
 * configured. Guests never get a session; voting and creating never need one.
 *
 * <p>Tables: {@code account}, {@code account_identity}. Public surface: {@link dev.oponn.account.AccountId} and
 * {@link dev.oponn.account.SignedInUser} (the principal; ballot ownership), and
 * {@link dev.oponn.account.ReturnAfterSignIn} (a ballot for signed-in voters sends a guest to sign in and back). {@code internal} holds what only this
 * feature's templates need.
 */
@NullMarked
package dev.oponn.account;

import org.jspecify.annotations.NullMarked;
