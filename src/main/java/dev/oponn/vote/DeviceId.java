package dev.oponn.vote;

/** A browser as Oponn knows it: 128 random bits, carried in a signed cookie, never stored in the clear. */
record DeviceId(String value) {

    @Override
    public String toString() {
        return "DeviceId[redacted]";
    }
}
