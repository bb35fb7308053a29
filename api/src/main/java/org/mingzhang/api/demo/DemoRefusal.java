package org.mingzhang.api.demo;

/**
 * A demo request the service refused (or could not be reached for): the request, the status and the problem body,
 * so that the log says exactly which step of the worked example failed. Expected refusals are logged as one line,
 * never with a stack trace.
 */
final class DemoRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DemoRefusal(String method, String path, int status, String body) {
        super(method + " " + path + " answered " + status + ": " + body, null, false, false);
    }

    DemoRefusal(String method, String path, String why) {
        super(method + " " + path + " failed: " + why, null, false, false);
    }
}
