package org.strongcities.fund.web.platform;

/** Names of the metadata entries that say who caused a message and why. */
public final class ActorMetaData {
    public static final String ACTOR = "actor";
    public static final String ROLE = "actorRole";
    public static final String REASON = "reason";
    /** Work done by the application itself: timers, start-up seeding. */
    public static final String SYSTEM = "system";

    private ActorMetaData() {
    }
}
