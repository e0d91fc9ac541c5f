package dev.oponn.web;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * How an error line names a failure: by its exception classes and the line of Oponn's code it came from, never by
 * its messages, which may quote what the request or the database held (a PostgreSQL error shows the row it refused,
 * a ballot's text or id can be in a message). The pages' {@link ErrorPages} and the API's errors log alike.
 */
public final class FailureChain {

    private FailureChain() {}

    /** {@code ServletException<CiphertextRejectedException<GeneralSecurityException}: the chain of causes. */
    public static String classes(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.append(chain.isEmpty() ? "" : "<").append(cause.getClass().getSimpleName());
        }
        return chain.toString();
    }

    /** The deepest frame of Oponn's own code in the chain: where to start reading. */
    public static String source(Throwable failure) {
        String found = "";
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            for (StackTraceElement frame : cause.getStackTrace()) {
                if (frame.getClassName().startsWith("dev.oponn.")) {
                    found = frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber();
                    break;
                }
            }
        }
        return found;
    }
}
