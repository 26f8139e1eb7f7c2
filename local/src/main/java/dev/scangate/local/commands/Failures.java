package dev.scangate.local.commands;

import dev.scangate.local.commands.port.ServiceException;

/** Rephrases a port failure as the one line a command prints. */
final class Failures {

    private Failures() {
    }

    static CommandException of(ServiceException e) {
        String m = e.getMessage();
        return new CommandException(m.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1), e);
    }
}
