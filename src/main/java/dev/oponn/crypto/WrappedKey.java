package dev.oponn.crypto;

/** A data key as stored: encrypted by the master key {@code masterKeyId}, bound to its ballot's id. */
record WrappedKey(String masterKeyId, byte[] bytes) {

    @Override
    public String toString() {
        return "WrappedKey[" + masterKeyId + ", " + bytes.length + " bytes]";
    }
}
