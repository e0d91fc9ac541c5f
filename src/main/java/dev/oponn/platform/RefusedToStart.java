package dev.oponn.platform;

/**
 * The configuration is not fit for the environment it names. The message is meant for an operator: whole sentences,
 * each naming the setting to change, and nothing else.
 */
public final class RefusedToStart extends RuntimeException {

    public RefusedToStart(String sentences) {
        super(sentences, null, false, false);
    }
}
