package dev.brickwork.runtime.input;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything logged at WARN or above while it is open, through the root JUL logger (JBoss Log Manager's root):
 * bad input must leave no stack trace and no ERROR in the log.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.WARNING);
    }

    static LogCapture open() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** Records with a stack trace, or at ERROR (SEVERE), as "logger: message". */
    List<String> tracesAndErrors() {
        return records.stream().filter(r -> r.getThrown() != null || r.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
    }

    @Override
    public void publish(LogRecord record) {
        if (record != null && isLoggable(record)) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
