package dev.scangate.statemachine.engine.interpret;

import java.util.List;

/** What the interpreter needs from whoever runs it. */
public interface Host {

    /**
     * Makes the cursor (already in the TOKEN phase) and the events so far durable, and returns a
     * fresh callback token, before the task's resource is invoked, so that a callback arriving
     * at once finds the task waiting.
     */
    String beginCallback(Cursor cursor, List<PendingEvent> events);
}
