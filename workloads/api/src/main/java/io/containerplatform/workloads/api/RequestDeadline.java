package io.containerplatform.workloads.api;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose next request has been arriving for longer than a deadline, however steadily: a client
 * trickling a byte at a time never lets the idle timeout fire, and would otherwise keep its connection for as long
 * as it likes. A request counts from the first of its bytes seen (checked a few times per deadline) until the server
 * has read it whole; the time spent answering it does not count.
 */
final class RequestDeadline extends AbstractLifeCycle implements Connection.Listener {

    /** Where a connection stands: requests read, bytes read when the last one was, when the next one began (or -1). */
    private static final class Progress {
        long messages;
        long bytes;
        long began = -1;
    }

    private final long deadlineNanos;
    private final long periodMs;
    private final Map<Connection, Progress> open = new ConcurrentHashMap<>();
    private ScheduledExecutorService clock;

    RequestDeadline(long deadlineMs) {
        this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(deadlineMs);
        this.periodMs = Math.max(10, deadlineMs / 4);
    }

    @Override
    public void onOpened(Connection connection) {
        open.put(connection, new Progress());
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
    }

    @Override
    protected void doStart() {
        clock = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "api-request-deadline");
            thread.setDaemon(true);
            return thread;
        });
        clock.scheduleWithFixedDelay(this::check, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        clock.shutdownNow();
    }

    private void check() {
        long now = System.nanoTime();
        open.forEach((connection, progress) -> {
            long messages = connection.getMessagesIn();
            long bytes = connection.getBytesIn();
            if (messages != progress.messages) {
                progress.messages = messages;
                progress.bytes = bytes;
                progress.began = -1;
            } else if (bytes > progress.bytes) {
                if (progress.began < 0) {
                    progress.began = now;
                } else if (now - progress.began > deadlineNanos) {
                    connection.close();
                }
            }
        });
    }
}
