package org.mingzhang.user;

/** Who did something, as the records keep it: the user's id (for "not the same person" rules) and name. */
public record Actor(long userId, String name) {

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor has a name");
        }
    }

    /** How the journal writes who recorded a transaction: {@code #7 王会计}. */
    public String recordedBy() {
        return "#" + userId + " " + name;
    }
}
