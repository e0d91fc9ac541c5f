package dev.oponn.vote.internal;

/**
 * A proof-of-work puzzle as the vote page carries it: find a number {@code n} whose SHA-256 of {@code salt + n}
 * (UTF-8, {@code n} in decimal) starts with 8 bytes that, read as an unsigned number, are below {@code target}.
 *
 * @param token what the form posts back as {@code challenge}: salt, expiry and target, signed by the server
 */
public record VoteChallenge(String token, String salt, String target) {}
