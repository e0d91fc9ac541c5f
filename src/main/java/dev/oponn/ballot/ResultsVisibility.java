package dev.oponn.ballot;

/** When viewers may see counts. {@code LIVE} today; hidden-until-closed is the planned second value. */
public enum ResultsVisibility {
    LIVE
}
