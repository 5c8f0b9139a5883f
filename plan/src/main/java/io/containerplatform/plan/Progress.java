package io.containerplatform.plan;

/** One-line notes on standard error of what the plan is doing, so that a slow first run does not look hung. */
final class Progress {

    private Progress() {
    }

    static void say(String what) {
        System.err.println("[plan] " + what + "...");
    }
}
