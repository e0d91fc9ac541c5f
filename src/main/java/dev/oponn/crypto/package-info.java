/**
 * Ballot privacy by envelope encryption. Every ballot has its own AES-256-GCM data key (a Tink keyset); what people
 * wrote (the measure, options, write-ins) is stored only as ciphertext bound to its ballot, column and option, and
 * the data key is stored only wrapped by a master key: a local Tink keyset in development, AWS KMS in production.
 * Unwrapped data keys live briefly in caches ({@link dev.oponn.crypto.DataKeyCache}) so that votes cost no KMS call.
 * Everything fails closed: a ciphertext that does not authenticate, or a master key that cannot be reached, yields
 * an exception, never text.
 *
 * <p>Table: {@code ballot_key}. Public surface, for ballot: {@link dev.oponn.crypto.BallotKeys},
 * {@link dev.oponn.crypto.FieldCipher}, {@link dev.oponn.crypto.NewBallotKey} and the two failures,
 * {@link dev.oponn.crypto.CiphertextRejectedException} (500) and {@link dev.oponn.crypto.KeyUnavailableException}
 * (503), with {@link dev.oponn.crypto.MasterKeyMismatchException} for a key that is another instance's (503, "this
 * ballot is temporarily unavailable": the API answers it in its own problem document); {@link dev.oponn.crypto.KeyCommands} for the application's entry point.
 */
@NullMarked
package dev.oponn.crypto;

import org.jspecify.annotations.NullMarked;
