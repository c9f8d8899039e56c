package org.rebound.breach;

/** An input that cannot be scanned, with the reason in words a DPO can act on. */
final class UnreadableInputException extends Exception {

    UnreadableInputException(String reason) {
        super(reason);
    }
}
