package org.strongcities.fund.web.tasks;

/**
 * A task of the person's group that a colleague has claimed: it is open, but theirs to work on. Said only
 * to someone of a candidate group of the task (who could see it in the group's list anyway); anyone
 * else is answered 404, so nothing about the task leaks.
 */
final class TaskTakenByColleague extends RuntimeException {

    private final String colleague;

    TaskTakenByColleague(String taskName, String colleague) {
        super("'" + taskName + "' is being worked on by " + colleague + ", who claimed it. Nothing was recorded. "
                + "Ask " + colleague + ", or wait: the task comes back to your group's list if they release it.");
        this.colleague = colleague;
    }

    String colleague() {
        return colleague;
    }
}
